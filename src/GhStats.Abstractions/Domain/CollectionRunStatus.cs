namespace GhStats.Domain;

/// <summary>Where a collection run stands.</summary>
public enum CollectionRunStatus
{
    /// <summary>Still collecting.</summary>
    Running = 1,

    /// <summary>Every repository was collected.</summary>
    Succeeded = 2,

    /// <summary>Finished, but some repositories failed.</summary>
    CompletedWithErrors = 3,

    /// <summary>The run as a whole failed.</summary>
    Failed = 4,

    /// <summary>Stopped on request; what it stored stays.</summary>
    Cancelled = 5,

    /// <summary>Its process went away mid-run; what it stored stays.</summary>
    Abandoned = 6,

    /// <summary>Asked for on a web replica that has no collector; waits for a worker process to start it.</summary>
    Queued = 7,
}
