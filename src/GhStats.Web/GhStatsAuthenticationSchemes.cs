namespace GhStats.Web;

/// <summary>The authentication schemes the web module registers.</summary>
public static class GhStatsAuthenticationSchemes
{
    /// <summary>Picks per request: a Bearer personal API token, else the session cookie (or the host's scheme when embedded).</summary>
    public const string Default = "GhStats";

    /// <summary>The session cookie written at sign-in.</summary>
    public const string Cookie = "GhStats.Cookie";

    /// <summary>OpenID Connect sign-in.</summary>
    public const string OpenIdConnect = "GhStats.Oidc";

    /// <summary>Personal API tokens (<c>Authorization: Bearer ghst_...</c>), for the API routes only.</summary>
    public const string ApiToken = "GhStats.ApiToken";

    /// <summary>
    /// Embedded with <see cref="GhStatsAuthenticationOptions.HostScheme"/>: answers GhStats' refusals with 403 and the reason,
    /// instead of the host scheme's redirect to the host's access-denied page.
    /// </summary>
    public const string HostForbidden = "GhStats.HostForbidden";
}
