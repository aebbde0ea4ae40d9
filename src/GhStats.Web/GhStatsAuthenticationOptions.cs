namespace GhStats.Web;

/// <summary>How people sign in, bound from <c>GhStats:Authentication</c>.</summary>
public sealed class GhStatsAuthenticationOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Authentication";

    /// <summary>OpenID Connect sign-in; used when <see cref="GhStatsOidcOptions.Authority"/> is set.</summary>
    public GhStatsOidcOptions Oidc { get; set; } = new();

    /// <summary>
    /// Embedded in an app with its own authentication: the name of that app's scheme. GhStats then maps the app's
    /// signed-in principal to a profile (by issuer and subject, binding a verified email as OIDC does) instead of
    /// signing people in itself. Default none.
    /// </summary>
    public string? HostScheme { get; set; }

    /// <summary>The issuer recorded for principals of <see cref="HostScheme"/> whose claims carry none. Default "urn:ghstats:host".</summary>
    public string HostIssuer { get; set; } = "urn:ghstats:host";

    /// <summary>Claim names read from the identity provider's tokens, or from the host's principal.</summary>
    public GhStatsClaimNames ClaimNames { get; set; } = new();

    /// <summary>
    /// Treat an email without an <c>email_verified</c> claim as verified. Only for providers that issue verified
    /// emails alone and omit the claim (Microsoft Entra ID, an embedding app that vouches for its users). Default false.
    /// </summary>
    public bool AssumeEmailVerified { get; set; }

    /// <summary>
    /// Offer the development sign-in (any email, no password): only when the environment is Development, and only to
    /// loopback requests, whatever this says. Default true.
    /// </summary>
    public bool DevelopmentSignIn { get; set; } = true;

    /// <summary>How long a session lasts without activity (sliding). Default 8 hours.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a session lasts at most after its sign-in, however active (absolute). Default 7 days.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often a replica re-reads a signed-in person's session stamp from the database. Signing out, removing a member and
    /// revoking a role change the stamp, which ends that person's sessions: at once on the replica that made the change,
    /// and within this interval on every other. Zero reads it on every request. Default 30 seconds.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
