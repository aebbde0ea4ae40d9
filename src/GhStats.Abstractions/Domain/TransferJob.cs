namespace GhStats.Domain;

/// <summary>An import or restore that runs in the background, with its progress and, once finished, its report.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The tenant it imports into or restores, or null for an installation archive.</param>
/// <param name="Kind">Import or restore.</param>
/// <param name="Source">The import source's command name, or <c>archive</c>.</param>
/// <param name="FileName">The uploaded file's name as given.</param>
/// <param name="FileBytes">The upload's size.</param>
/// <param name="DryRun">Report only, write nothing.</param>
/// <param name="RequestedBy">Who asked (the actor's name).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Progress">How far it is.</param>
/// <param name="CreatedAt">When it was uploaded (UTC).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="HeartbeatAt">When the process running it last said it is alive (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC).</param>
/// <param name="Report">The finished job's report, a JSON document (camelCase) whose shape the kind decides.</param>
/// <param name="Error">Why it failed.</param>
public sealed record TransferJob(
    long Id,
    long? TenantId,
    TransferJobKind Kind,
    string Source,
    string FileName,
    long FileBytes,
    bool DryRun,
    string RequestedBy,
    TransferJobState State,
    TransferJobProgress Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? HeartbeatAt,
    DateTimeOffset? FinishedAt,
    string? Report,
    string? Error);
