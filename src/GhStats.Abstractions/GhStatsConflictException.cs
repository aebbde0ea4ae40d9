namespace GhStats;

/// <summary>Thrown when a write would duplicate something unique: a tenant slug, a tracked repository, a profile.</summary>
public sealed class GhStatsConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GhStatsConflictException()
        : base("The record already exists.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What already exists.</param>
    public GhStatsConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">What already exists.</param>
    /// <param name="innerException">The database's own error.</param>
    public GhStatsConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
