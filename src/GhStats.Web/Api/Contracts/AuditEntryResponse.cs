namespace GhStats.Web.Api.Contracts;

/// <summary>One audit entry; the client address is given to admins only.</summary>
internal sealed record AuditEntryResponse(
    long Id, DateTimeOffset OccurredAt, string ActorKind, long? ActorUserId, string Actor, long? TenantId, string? Tenant, string Action,
    string? TargetKind, string? TargetId, string? TargetName, string? Details, string? ClientAddress);
