using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Security;

/// <summary>
/// Adds the schemes that exist only with some settings (OpenID Connect with an Authority, the refusal scheme with a
/// HostScheme) when ASP.NET Core first builds its scheme list, from the final <see cref="GhStatsAuthenticationOptions"/>:
/// configuration, <c>AddWeb(...)</c>, <c>ConfigureAuthentication(...)</c> and any later Configure or PostConfigure all count.
/// </summary>
/// <param name="settings">The final sign-in settings.</param>
internal sealed class GhStatsSignInSchemes(IOptions<GhStatsAuthenticationOptions> settings) : IConfigureOptions<AuthenticationOptions>
{
    public void Configure(AuthenticationOptions options)
    {
        var current = settings.Value;
        if (current.Oidc.IsConfigured && !options.SchemeMap.ContainsKey(GhStatsAuthenticationSchemes.OpenIdConnect))
        {
            options.AddScheme<OpenIdConnectHandler>(GhStatsAuthenticationSchemes.OpenIdConnect, "OpenID Connect");
        }

        if (current.HostScheme is not null && !options.SchemeMap.ContainsKey(GhStatsAuthenticationSchemes.HostForbidden))
        {
            options.AddScheme<HostForbiddenHandler>(GhStatsAuthenticationSchemes.HostForbidden, "GhStats refusals");
        }
    }
}
