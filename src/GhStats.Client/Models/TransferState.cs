namespace GhStats.Client.Models;

/// <summary>The values of <see cref="TransferJob.State"/>.</summary>
public static class TransferState
{
    /// <summary>Uploaded, waiting for its turn.</summary>
    public const string Queued = "queued";

    /// <summary>Being read or written; its progress moves.</summary>
    public const string Running = "running";

    /// <summary>Finished; its report says what was (or, for a dry run, would be) written.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Stopped; its error says why. Repositories written before stay, and running it again completes it.</summary>
    public const string Failed = "failed";
}
