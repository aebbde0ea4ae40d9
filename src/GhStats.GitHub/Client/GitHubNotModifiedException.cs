namespace GhStats.GitHub.Client;

/// <summary>
/// GitHub answered a conditional read (<see cref="ConditionalRead"/>) with 304 Not Modified: its answer is the one whose
/// tag was sent. Thrown under Octokit, which has no notion of a 304, and caught by <see cref="ConditionalRead.SendAsync{T}"/>.
/// </summary>
internal sealed class GitHubNotModifiedException : Exception
{
    public GitHubNotModifiedException()
        : base("GitHub answered 304 Not Modified.")
    {
    }

    public GitHubNotModifiedException(string message)
        : base(message)
    {
    }

    public GitHubNotModifiedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
