using System.Text.Json;

namespace GhStats.Web.Transfers;

/// <summary>
/// An import or restore job: where it stands, how far it is, and once finished its report (the JSON the transfer
/// package stored, embedded as an object; null in lists and until the job ends).
/// </summary>
internal sealed record TransferJobResponse(
    long Id,
    string Kind,
    string Source,
    string FileName,
    long FileBytes,
    bool DryRun,
    string RequestedBy,
    string State,
    TransferProgressResponse Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? HeartbeatAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonElement? Report);
