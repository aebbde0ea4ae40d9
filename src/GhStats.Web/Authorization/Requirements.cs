using GhStats.Domain;
using Microsoft.AspNetCore.Authorization;

namespace GhStats.Web.Authorization;

/// <summary>The caller has a GhStats profile.</summary>
internal sealed class ProfileRequirement : IAuthorizationRequirement;

/// <summary>The caller holds a system role (Admin satisfies Maintainer).</summary>
internal sealed record SystemRoleRequirement(SystemRole Role) : IAuthorizationRequirement;

/// <summary>The caller holds at least this role in the tenant (Admin satisfies both).</summary>
internal sealed record TenantRoleRequirement(TenantRole Role) : IAuthorizationRequirement;

/// <summary>The caller may read the repository.</summary>
internal sealed class RepositoryReadRequirement : IAuthorizationRequirement;
