namespace GhStats.Web;

/// <summary>
/// The authorization policies the web module registers. The first three apply to endpoints; the tenant and repository
/// policies are resource-based: authorize against a <see cref="GhStats.Domain.Tenant"/> or a
/// <see cref="GhStats.Domain.TrackedRepository"/> with <c>IAuthorizationService.AuthorizeAsync(user, resource, policy)</c>.
/// </summary>
public static class GhStatsPolicies
{
    /// <summary>Any signed-in person with a GhStats profile.</summary>
    public const string User = "GhStats.User";

    /// <summary>System admins: everything, in every tenant.</summary>
    public const string Admin = "GhStats.Admin";

    /// <summary>Maintainers and admins: the collection log, starting collections.</summary>
    public const string Maintainer = "GhStats.Maintainer";

    /// <summary>Owners of the tenant (and admins): repositories, members, connections.</summary>
    public const string TenantOwner = "GhStats.TenantOwner";

    /// <summary>Members of the tenant, owners or viewers (and admins): all its repositories.</summary>
    public const string TenantViewer = "GhStats.TenantViewer";

    /// <summary>Whoever may read the repository: a member of its tenant, a holder of a grant to it, or an admin.</summary>
    public const string RepositoryReader = "GhStats.RepositoryReader";
}
