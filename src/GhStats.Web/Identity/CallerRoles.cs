using GhStats.Domain;

namespace GhStats.Web.Identity;

/// <summary>A profile and every role it holds, as read from the database at one moment.</summary>
internal sealed record CallerRoles(
    UserProfile User,
    IReadOnlySet<SystemRole> SystemRoles,
    IReadOnlyDictionary<long, TenantRole> TenantRoles,
    IReadOnlyDictionary<long, long> GrantedRepositoryTenants);
