namespace GhStats.Domain;

/// <summary>A pending membership, bound to whoever first signs in with this verified email.</summary>
/// <param name="TenantId">The tenant to join.</param>
/// <param name="Email">The invited email, stored lower-case.</param>
/// <param name="Role">The role the member will get.</param>
/// <param name="CreatedAt">When the invitation was made (UTC).</param>
public sealed record Invitation(long TenantId, string Email, TenantRole Role, DateTimeOffset CreatedAt);
