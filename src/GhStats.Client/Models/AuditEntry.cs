namespace GhStats.Client.Models;

/// <summary>One completed change in the audit log.</summary>
/// <param name="Id">The entry's id; a later entry has a larger one.</param>
/// <param name="OccurredAt">When it was recorded (UTC).</param>
/// <param name="ActorKind"><c>user</c>, <c>apiToken</c>, <c>cron</c> or <c>system</c>.</param>
/// <param name="ActorUserId">The person's profile id, for a user or a token.</param>
/// <param name="Actor">Who, as known at the time: an email (with the token for a token), <c>cron</c>, <c>schedule</c>.</param>
/// <param name="TenantId">The tenant; null for an installation-level action.</param>
/// <param name="Tenant">The tenant's slug, while the tenant exists.</param>
/// <param name="Action">What was done, e.g. <c>member.added</c>.</param>
/// <param name="TargetKind">What kind of thing it was done to, e.g. <c>repository</c>.</param>
/// <param name="TargetId">Its id.</param>
/// <param name="TargetName">Its name at the time.</param>
/// <param name="Details">A short text without secrets.</param>
/// <param name="ClientAddress">Where the request came from; for admins only, else null.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorKind,
    long? ActorUserId,
    string Actor,
    long? TenantId,
    string? Tenant,
    string Action,
    string? TargetKind,
    string? TargetId,
    string? TargetName,
    string? Details,
    string? ClientAddress);
