namespace GhStats.GitHub.Client;

/// <summary>
/// GhStats refused to make a GitHub request or to take its answer: a host or address the operator does not allow, a
/// redirect, a next page on another host, or an answer beyond a limit (<c>GhStats:Collector:MaxResponseBytes</c>,
/// <c>MaxPagesPerListing</c>). The connection is not used again in the run; the message says why.
/// </summary>
public sealed class GitHubRequestRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitHubRequestRefusedException()
        : base("GhStats refused the GitHub request.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why, in words a tenant's Owner or the operator can act on.</param>
    public GitHubRequestRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public GitHubRequestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The refusal <paramref name="exception"/> is or wraps (the HTTP stack wraps what a connect callback throws), if any.</summary>
    internal static GitHubRequestRefusedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is GitHubRequestRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
