namespace GhStats.Storage.Notifications;

/// <summary>Where an outbox message stands; stored by name.</summary>
internal enum OutboxState
{
    /// <summary>Waiting for its next attempt (or being attempted, while claimed).</summary>
    Pending,

    /// <summary>The receiver accepted it.</summary>
    Delivered,

    /// <summary>Attempts ran out; the log says why.</summary>
    GivenUp,
}
