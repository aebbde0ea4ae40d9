using GhStats.Domain;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Authorization;

/// <summary>Decides every GhStats requirement from the caller's roles, loaded once per request.</summary>
internal sealed class GhStatsAuthorizationHandler(CallerResolver callers, IHttpContextAccessor accessor) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var pending = context.PendingRequirements.Where(IsOurs).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        var caller = http is null ? null : await callers.ResolveAsync(http);
        if (caller is null)
        {
            return;
        }

        foreach (var requirement in pending)
        {
            if (IsMet(requirement, caller, context.Resource))
            {
                context.Succeed(requirement);
            }
        }
    }

    private static bool IsOurs(IAuthorizationRequirement requirement) =>
        requirement is ProfileRequirement or SystemRoleRequirement or TenantRoleRequirement or RepositoryReadRequirement;

    private static bool IsMet(IAuthorizationRequirement requirement, GhStatsCaller caller, object? resource) => requirement switch
    {
        ProfileRequirement => true,
        SystemRoleRequirement { Role: SystemRole.Admin } => caller.IsAdmin,
        SystemRoleRequirement { Role: SystemRole.Maintainer } => caller.IsMaintainer,
        TenantRoleRequirement tenant => resource is Tenant t && caller.Has(t.Id, tenant.Role),
        RepositoryReadRequirement => resource is TrackedRepository r && caller.CanRead(r),
        _ => false,
    };
}
