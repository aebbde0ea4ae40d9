using System.Text.Json;

namespace GhStats.Client.Models;

/// <summary>An import or restore the server runs in the background: where it stands, how far it is, and once finished its report.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Kind"><see cref="TransferKind.Import"/> or <see cref="TransferKind.Restore"/>.</param>
/// <param name="Source">The import source's name (e.g. <c>ibm-csv</c>), or <c>archive</c> for a restore.</param>
/// <param name="FileName">The uploaded file's name, as sent.</param>
/// <param name="FileBytes">The upload's size.</param>
/// <param name="DryRun">Whether it only reports, writing nothing.</param>
/// <param name="RequestedBy">Who started it.</param>
/// <param name="State"><see cref="TransferState.Queued"/>, <see cref="TransferState.Running"/>, <see cref="TransferState.Succeeded"/> or <see cref="TransferState.Failed"/>.</param>
/// <param name="Progress">How far it is.</param>
/// <param name="CreatedAt">When it was uploaded (UTC).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="HeartbeatAt">When the server running it last said it is alive (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Report">
/// The finished job's report as the server sent it; null in lists and until the job ends. Read it with
/// <see cref="ReadImportReport"/> or <see cref="ReadRestoreReport"/>.
/// </param>
public sealed record TransferJob(
    long Id,
    string Kind,
    string Source,
    string FileName,
    long FileBytes,
    bool DryRun,
    string RequestedBy,
    string State,
    TransferProgress Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? HeartbeatAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonElement? Report)
{
    /// <summary>Whether the job has ended (succeeded or failed): its state changes no more.</summary>
    /// <returns>True once it has succeeded or failed.</returns>
    public bool HasFinished() => State is TransferState.Succeeded or TransferState.Failed;

    /// <summary>The report of a finished import.</summary>
    /// <returns>The report, or null when the job is not an import or has no report (yet).</returns>
    public ImportReport? ReadImportReport() =>
        Kind == TransferKind.Import && Report is { ValueKind: JsonValueKind.Object } report ? report.Deserialize(GhStatsJsonContext.Default.ImportReport) : null;

    /// <summary>The report of a finished restore.</summary>
    /// <returns>The report, or null when the job is not a restore or has no report (yet).</returns>
    public RestoreReport? ReadRestoreReport() =>
        Kind == TransferKind.Restore && Report is { ValueKind: JsonValueKind.Object } report ? report.Deserialize(GhStatsJsonContext.Default.RestoreReport) : null;
}
