namespace GhStats.Web.Api.Contracts;

/// <summary>The signed-in caller: profile, system roles, tenants with role, repositories granted one by one.</summary>
internal sealed record MeResponse(long Id, string? Email, string? DisplayName, IReadOnlyList<string> SystemRoles, IReadOnlyList<TenantResponse> Tenants, IReadOnlyList<long> GrantedRepositoryIds, bool DevelopmentSignIn, string? AntiforgeryToken);
