namespace GhStats.Domain;

/// <summary>One completed change in the audit log: who did what, when, to what. Entries are appended, never changed.</summary>
/// <param name="Id">Store-assigned identifier; a later entry has a larger id.</param>
/// <param name="OccurredAt">When the store recorded it (UTC).</param>
/// <param name="Actor">Who did it, as known at the time.</param>
/// <param name="TenantId">The tenant it concerns, or null for an installation-level action.</param>
/// <param name="Action">What was done: one of <see cref="AuditActions"/>, e.g. <c>member.added</c>.</param>
/// <param name="Target">What it was done to, when there is one thing.</param>
/// <param name="Details">A short text without secrets, e.g. <c>role=owner</c>.</param>
/// <param name="ClientAddress">The address the request came from, when there was a request.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset OccurredAt,
    AuditActor Actor,
    long? TenantId,
    string Action,
    AuditTarget? Target,
    string? Details,
    string? ClientAddress);
