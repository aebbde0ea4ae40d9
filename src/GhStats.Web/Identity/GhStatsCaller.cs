using GhStats.Domain;

namespace GhStats.Web.Identity;

/// <summary>The profile behind a request and everything its roles grant, read once per request.</summary>
internal sealed class GhStatsCaller(
    UserProfile user,
    IReadOnlySet<SystemRole> systemRoles,
    IReadOnlyDictionary<long, TenantRole> tenantRoles,
    IReadOnlyDictionary<long, long> grantedRepositoryTenants,
    long? tokenId,
    bool developmentSignIn)
{
    public UserProfile User { get; } = user;

    public IReadOnlySet<SystemRole> SystemRoles { get; } = systemRoles;

    /// <summary>The tenants the caller is a member of, with the role.</summary>
    public IReadOnlyDictionary<long, TenantRole> TenantRoles { get; } = tenantRoles;

    /// <summary>Repositories granted one by one, with each one's tenant.</summary>
    public IReadOnlyDictionary<long, long> GrantedRepositoryTenants { get; } = grantedRepositoryTenants;

    /// <summary>The personal API token the request came with; null for a session.</summary>
    public long? TokenId { get; } = tokenId;

    public bool ViaToken => TokenId is not null;

    public bool DevelopmentSignIn { get; } = developmentSignIn;

    public bool IsAdmin => SystemRoles.Contains(SystemRole.Admin);

    /// <summary>Admins may do everything a maintainer may.</summary>
    public bool IsMaintainer => IsAdmin || SystemRoles.Contains(SystemRole.Maintainer);

    /// <summary>The caller's role in a tenant: admins act as owners everywhere.</summary>
    public TenantRole? RoleIn(long tenantId) =>
        IsAdmin ? TenantRole.Owner : TenantRoles.TryGetValue(tenantId, out var role) ? role : null;

    /// <summary>Whether the caller sees the tenant at all: a member, an admin, or holding a grant to one of its repositories.</summary>
    public bool CanSeeTenant(long tenantId) => RoleIn(tenantId) is not null || GrantedRepositoryTenants.Values.Contains(tenantId);

    public bool Has(long tenantId, TenantRole needed) => RoleIn(tenantId) switch
    {
        TenantRole.Owner => true,
        TenantRole.Viewer => needed == TenantRole.Viewer,
        _ => false,
    };

    public bool CanRead(TrackedRepository repository) =>
        RoleIn(repository.TenantId) is not null || GrantedRepositoryTenants.ContainsKey(repository.Id);

    /// <summary>The repositories of a tenant the caller may read: all of them for members, else only the granted ones.</summary>
    public IReadOnlyCollection<long>? VisibleRepositoryIdsIn(long tenantId) =>
        RoleIn(tenantId) is not null
            ? null
            : GrantedRepositoryTenants.Where(g => g.Value == tenantId).Select(g => g.Key).ToList();
}
