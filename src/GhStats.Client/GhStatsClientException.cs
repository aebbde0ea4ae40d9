namespace GhStats.Client;

/// <summary>A GhStats call that failed: catch this to handle every kind, or <see cref="GhStatsApiException"/> and <see cref="GhStatsConnectionException"/> apart.</summary>
public abstract class GhStatsClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected GhStatsClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
