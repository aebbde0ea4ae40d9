using GhStats.Domain;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GhStats.Web.Authorization;

/// <summary>Decides every GhStats requirement from the caller's roles, loaded once per request; logs each one it refuses.</summary>
internal sealed partial class GhStatsAuthorizationHandler(
    CallerResolver callers,
    IHttpContextAccessor accessor,
    ILogger<GhStatsAuthorizationHandler> logger) : IAuthorizationHandler
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
            // Anonymous callers are challenged, not denied; a signed-in identity without a profile is refused here.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                LogNoProfile(logger, http?.Request.Path.Value ?? "");
            }

            return;
        }

        foreach (var requirement in pending)
        {
            if (IsMet(requirement, caller, context.Resource))
            {
                context.Succeed(requirement);
            }
            else
            {
                var policy = PolicyOf(requirement);
                LogDenied(logger, policy, caller.User.Id, http?.Request.Path.Value ?? "");
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

    /// <summary>The GhStats policy a requirement stands for, as an operator reads it in the log.</summary>
    private static string PolicyOf(IAuthorizationRequirement requirement) => requirement switch
    {
        ProfileRequirement => GhStatsPolicies.User,
        SystemRoleRequirement { Role: SystemRole.Admin } => GhStatsPolicies.Admin,
        SystemRoleRequirement { Role: SystemRole.Maintainer } => GhStatsPolicies.Maintainer,
        TenantRoleRequirement { Role: TenantRole.Owner } => GhStatsPolicies.TenantOwner,
        TenantRoleRequirement => GhStatsPolicies.TenantViewer,
        RepositoryReadRequirement => GhStatsPolicies.RepositoryReader,
        _ => requirement.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization denied: user {UserId} does not meet {Policy} for {Path}")]
    private static partial void LogDenied(ILogger logger, string policy, long userId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization denied: a signed-in identity has no GhStats profile (GhStats.User) for {Path}")]
    private static partial void LogNoProfile(ILogger logger, string path);
}
