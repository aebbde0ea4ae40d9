using GhStats.Domain;

namespace GhStats.Transfer.Jobs;

/// <summary>A stored job waiting for the runner, with its folder and the work that yields its report.</summary>
/// <param name="Job">The job as stored.</param>
/// <param name="Folder">Its private folder (its upload), deleted when it ends.</param>
/// <param name="RunAsync">Does the work, telling progress; returns the report (JSON).</param>
internal sealed record QueuedTransfer(TransferJob Job, string Folder, Func<IProgress<TransferJobProgress>, CancellationToken, Task<string>> RunAsync);
