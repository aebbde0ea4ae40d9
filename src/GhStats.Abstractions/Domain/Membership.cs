namespace GhStats.Domain;

/// <summary>A user's role in a tenant.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The member.</param>
/// <param name="Role">What the member may do there.</param>
public sealed record Membership(long TenantId, long UserId, TenantRole Role);
