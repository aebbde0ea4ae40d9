namespace GhStats.Domain;

/// <summary>Where a transfer job stands.</summary>
public enum TransferJobState
{
    /// <summary>Uploaded, waiting for its turn.</summary>
    Queued = 0,

    /// <summary>Being read or written; its progress and heartbeat move.</summary>
    Running = 1,

    /// <summary>Finished; its report says what was (or, for a dry run, would be) written.</summary>
    Succeeded = 2,

    /// <summary>Stopped; its error says why. Repositories written before the failure stay (each is one transaction), and running it again completes it.</summary>
    Failed = 3,
}
