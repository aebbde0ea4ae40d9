namespace GhStats.Web;

/// <summary>The OpenID Connect provider GhStats signs people in with, bound from <c>GhStats:Authentication:Oidc</c>.</summary>
public sealed class GhStatsOidcOptions
{
    /// <summary>The provider's issuer address, e.g. https://login.microsoftonline.com/{tenant}/v2.0. Unset: no OIDC sign-in.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id registered at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret; keep it out of source (environment variable <c>GhStats__Authentication__Oidc__ClientSecret</c> or user secrets).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes requested. Default openid, profile, email.</summary>
    public IList<string> Scopes { get; } = ["openid", "profile", "email"];

    /// <summary>Require https for the provider's metadata; only a loopback test provider should turn this off. Default true.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether <see cref="Authority"/> is set, so OIDC sign-in is on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
