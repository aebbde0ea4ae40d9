namespace GhStats;

/// <summary>Thrown when a tenant, repository, user or other record does not exist, or is outside the caller's scope.</summary>
public sealed class GhStatsNotFoundException : Exception
{
    /// <summary>Creates the exception for an entity and key.</summary>
    /// <param name="entity">What was looked for, e.g. "repository".</param>
    /// <param name="key">How it was looked for, e.g. its id.</param>
    public GhStatsNotFoundException(string entity, object key)
        : base($"No {entity} {key} exists here.")
    {
        Entity = entity;
        Key = key;
    }

    /// <summary>Creates the exception with a message.</summary>
    public GhStatsNotFoundException()
        : base("Not found.")
    {
        Entity = "record";
        Key = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public GhStatsNotFoundException(string message)
        : base(message)
    {
        Entity = "record";
        Key = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GhStatsNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Entity = "record";
        Key = string.Empty;
    }

    /// <summary>What was looked for.</summary>
    public string Entity { get; }

    /// <summary>How it was looked for.</summary>
    public object Key { get; }
}
