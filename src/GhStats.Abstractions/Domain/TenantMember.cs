namespace GhStats.Domain;

/// <summary>A member of a tenant with the profile behind the membership.</summary>
/// <param name="User">The member's profile.</param>
/// <param name="Role">The member's role in the tenant.</param>
public sealed record TenantMember(UserProfile User, TenantRole Role);
