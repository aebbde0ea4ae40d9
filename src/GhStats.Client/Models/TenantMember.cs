namespace GhStats.Client.Models;

/// <summary>A member of a tenant.</summary>
/// <param name="UserId">The member's profile id.</param>
/// <param name="Email">The member's email, if known.</param>
/// <param name="DisplayName">The member's name, if known.</param>
/// <param name="Role"><c>owner</c> or <c>viewer</c>.</param>
public sealed record TenantMember(long UserId, string? Email, string? DisplayName, string Role);
