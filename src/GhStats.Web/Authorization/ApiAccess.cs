using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Authorization;

/// <summary>
/// What an API request may reach. Anything outside the caller's tenants answers as if it did not exist (404); a
/// tenant the caller sees but may not change answers 403.
/// </summary>
internal sealed class ApiAccess(
    IHttpContextAccessor accessor,
    IAuthorizationService authorization,
    CallerResolver callers,
    ITenantStore tenants,
    IRepositoryStore repositories)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("ApiAccess is used outside a request.");

    public async Task<GhStatsCaller> CallerAsync() =>
        await callers.ResolveAsync(Http) ?? throw new ApiProblemException(StatusCodes.Status401Unauthorized, "SignInOrToken");

    /// <summary>A tenant by slug, if the caller sees it in any way (a member, an admin, or through a repository grant).</summary>
    public async Task<Tenant> VisibleTenantAsync(string slug)
    {
        var caller = await CallerAsync();
        var tenant = await tenants.FindBySlugAsync(slug, Http.RequestAborted);
        return tenant is not null && caller.CanSeeTenant(tenant.Id) ? tenant : throw new GhStatsNotFoundException("tenant", slug);
    }

    /// <summary>The tenants a request covers: the one named (if the caller sees it), or every tenant the caller sees.</summary>
    public async Task<IReadOnlyList<Tenant>> VisibleTenantsAsync(string? slug = null)
    {
        if (!string.IsNullOrWhiteSpace(slug))
        {
            return [await VisibleTenantAsync(slug.Trim())];
        }

        var caller = await CallerAsync();
        return (await tenants.ListAsync(Http.RequestAborted)).Where(t => caller.CanSeeTenant(t.Id)).ToList();
    }

    /// <summary>A tenant by slug, if the caller sees it and holds <paramref name="role"/> in it.</summary>
    public async Task<Tenant> TenantAsync(string slug, TenantRole role)
    {
        var tenant = await VisibleTenantAsync(slug);
        var policy = role == TenantRole.Owner ? GhStatsPolicies.TenantOwner : GhStatsPolicies.TenantViewer;
        if (!(await authorization.AuthorizeAsync(Http.User, tenant, policy)).Succeeded)
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, role == TenantRole.Owner ? "TenantOwnersOnly" : "TenantMembersOnly", tenant.Slug);
        }

        return tenant;
    }

    /// <summary>A repository, if the caller may read it; with <paramref name="manage"/>, only if the caller owns its tenant.</summary>
    public async Task<TrackedRepository> RepositoryAsync(long repositoryId, bool manage = false)
    {
        var caller = await CallerAsync();
        var repository = await repositories.FindAsync(repositoryId, Http.RequestAborted);
        if (repository is null || !(await authorization.AuthorizeAsync(Http.User, repository, GhStatsPolicies.RepositoryReader)).Succeeded)
        {
            throw new GhStatsNotFoundException("repository", repositoryId);
        }

        if (manage && !caller.Has(repository.TenantId, TenantRole.Owner))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "RepositoryOwnersOnly");
        }

        return repository;
    }
}
