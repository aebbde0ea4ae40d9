using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Identity;

/// <summary>
/// Finds the profile behind a request and its roles, read from the database or from the <see cref="AccessCache"/>
/// (a few seconds old at most). A principal from the embedding app's own authentication is mapped to a
/// profile the way an OpenID Connect sign-in is.
/// </summary>
internal sealed class CallerResolver(
    IUserStore users,
    IMembershipStore memberships,
    IRepositoryStore repositories,
    ProfileBinder binder,
    AccessCache access,
    IOptionsMonitor<GhStatsAuthenticationOptions> options)
{
    private static readonly object ItemKey = new();
    private static readonly object RefusalKey = new();

    /// <summary>Why the host app's principal got no profile in this request, when it got none.</summary>
    public static string? RefusalOf(HttpContext context) => context.Items.TryGetValue(RefusalKey, out var refusal) ? refusal as string : null;

    public async Task<GhStatsCaller?> ResolveAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return (GhStatsCaller?)cached;
        }

        var caller = await LoadAsync(context);
        context.Items[ItemKey] = caller;
        return caller;
    }

    private async Task<GhStatsCaller?> LoadAsync(HttpContext context)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        // ghstats:* claims count only on an identity GhStats' own schemes made; anything else is the host app's principal.
        var cancellationToken = context.RequestAborted;
        var own = OwnIdentity.Of(context, principal);
        var userId = own is null ? (await MapHostPrincipalAsync(context, cancellationToken))?.Id : OwnIdentity.Number(own, GhStatsClaimTypes.UserId);
        if (userId is not { } known || await access.RolesAsync(known, () => LoadRolesAsync(known, cancellationToken)) is not { } roles)
        {
            return null;
        }

        return new GhStatsCaller(roles.User, roles.SystemRoles, roles.TenantRoles, roles.GrantedRepositoryTenants,
            OwnIdentity.Number(own, GhStatsClaimTypes.TokenId), own?.HasClaim(c => c.Type == GhStatsClaimTypes.DevelopmentSignIn) == true);
    }

    private async Task<CallerRoles?> LoadRolesAsync(long userId, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(userId, cancellationToken) is not { } user)
        {
            return null;
        }

        var systemRoles = await users.GetSystemRolesAsync(user.Id, cancellationToken);
        var tenantRoles = (await memberships.ListMembershipsAsync(user.Id, cancellationToken)).ToDictionary(m => m.TenantId, m => m.Role);
        var granted = new Dictionary<long, long>();
        foreach (var grant in await memberships.ListGrantsAsync(user.Id, cancellationToken))
        {
            if (await repositories.FindAsync(grant.RepositoryId, cancellationToken) is { } repository)
            {
                granted[repository.Id] = repository.TenantId;
            }
        }

        return new CallerRoles(user, systemRoles, tenantRoles, granted);
    }

    /// <summary>The embedding app signed this principal in; find or bind its profile as an OIDC sign-in would.</summary>
    private async Task<UserProfile?> MapHostPrincipalAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.HostScheme is null || IdentityClaims.Read(context.User, settings, settings.HostIssuer) is not { } identity)
        {
            return null;
        }

        if (await users.FindByIdentityAsync(identity.Issuer, identity.Subject, cancellationToken) is { } known)
        {
            return known;
        }

        var binding = await binder.AdmitAsync(identity, cancellationToken);
        if (binding.Refusal is { } refusal)
        {
            context.Items[RefusalKey] = refusal;
        }

        return binding.Profile;
    }
}
