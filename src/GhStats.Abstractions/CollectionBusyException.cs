namespace GhStats;

/// <summary>
/// Thrown by <see cref="ICollectionService.StartAsync"/> when another process holds the collection lease but shows no
/// running run, so there is neither a run to answer with nor a way to start one; trying again after the lease expires works.
/// </summary>
public sealed class CollectionBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CollectionBusyException()
        : base("Another process holds the collection lease.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Who holds the lease, and until when.</param>
    public CollectionBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">Who holds the lease, and until when.</param>
    /// <param name="innerException">The cause.</param>
    public CollectionBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process that holds the lease, when known.</summary>
    public string? Holder { get; init; }

    /// <summary>When the lease expires unless its holder renews it, when known.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }
}
