namespace GhStats.GitHub.Client;

/// <summary>A connection's rate limit resets later than the collector may wait; its remaining repositories are recorded as rate limited.</summary>
public sealed class GitHubRateLimitedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitHubRateLimitedException()
        : base("GitHub's rate limit is exhausted.")
    {
    }

    /// <summary>Creates the exception for a reset time.</summary>
    /// <param name="resetsAt">When the limit resets.</param>
    public GitHubRateLimitedException(DateTimeOffset resetsAt)
        : base($"GitHub's rate limit for this connection is exhausted until {resetsAt:u}, longer than GhStats:Collector:MaxRateLimitWait.")
    {
        ResetsAt = resetsAt;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public GitHubRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GitHubRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When the limit resets, if known.</summary>
    public DateTimeOffset? ResetsAt { get; }
}
