namespace GhStats.GitHub.Client;

/// <summary>
/// A GraphQL call for repository counters did not answer them: the collector reads them with REST instead, for the rest
/// of the run when <see cref="ForTheRun"/> (the server has no GraphQL, refuses it, or its GraphQL budget is spent), or
/// for this batch only (a transient failure).
/// </summary>
internal sealed class GitHubGraphQLUnavailableException : Exception
{
    public GitHubGraphQLUnavailableException()
        : this("GitHub's GraphQL API is unavailable.", forTheRun: true)
    {
    }

    public GitHubGraphQLUnavailableException(string message)
        : this(message, forTheRun: true)
    {
    }

    public GitHubGraphQLUnavailableException(string message, Exception innerException)
        : base(message, innerException) => ForTheRun = true;

    public GitHubGraphQLUnavailableException(string message, bool forTheRun, Exception? innerException = null)
        : base(message, innerException) => ForTheRun = forTheRun;

    /// <summary>Whether the connection's later batches of the run go to REST at once.</summary>
    public bool ForTheRun { get; }
}
