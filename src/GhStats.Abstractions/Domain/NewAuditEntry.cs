namespace GhStats.Domain;

/// <summary>An audit entry to append; the store gives it its id and time.</summary>
/// <param name="Actor">Who did it.</param>
/// <param name="TenantId">The tenant it concerns, or null for an installation-level action.</param>
/// <param name="Action">What was done: one of <see cref="AuditActions"/>.</param>
/// <param name="Target">What it was done to, if one thing.</param>
/// <param name="Details">A short text without secrets; longer than <see cref="FieldLimits.AuditDetails"/> is cut.</param>
/// <param name="ClientAddress">The address the request came from.</param>
public sealed record NewAuditEntry(
    AuditActor Actor,
    long? TenantId,
    string Action,
    AuditTarget? Target = null,
    string? Details = null,
    string? ClientAddress = null);
