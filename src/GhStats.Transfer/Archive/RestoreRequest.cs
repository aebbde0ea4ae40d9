using GhStats.Domain;

namespace GhStats.Transfer.Archive;

/// <summary>What to restore.</summary>
/// <param name="Path">The archive file <see cref="ArchiveExporter"/> wrote.</param>
/// <param name="Actor">Who restores, for the audit log.</param>
public sealed record RestoreRequest(string Path, AuditActor Actor)
{
    /// <summary>Report what the restore would do, per tenant and repository, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Told how far the restore is: "checking the archive" with its rows before the first write, then "restoring rows"
    /// (or, in a dry run, "comparing rows") with the rows done of all, after each repository and batch. Called on the
    /// restoring thread.
    /// </summary>
    public IProgress<TransferJobProgress>? Progress { get; init; }
}
