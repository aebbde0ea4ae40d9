namespace GhStats.Web;

/// <summary>
/// Abuse limits, bound from <c>GhStats:RateLimits</c>: fixed windows per personal API token, per client address on the cron
/// endpoint, on sign-in, on the public badges and on the public dashboards. A request over a limit is answered 429 with <c>Retry-After</c> (seconds)
/// and a problem. The client address is the connection's, or the one a proxy of <c>GhStats:ForwardedHeaders</c> reports.
/// </summary>
public sealed class GhStatsRateLimitOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "RateLimits";

    /// <summary>Requests to the API with one personal API token. Default 600 a minute.</summary>
    public GhStatsRateLimit ApiToken { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST {prefix}/api/v1/collect</c> from one client address. Default 60 a minute.</summary>
    public GhStatsRateLimit Cron { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Sign-in, sign-out and the OpenID Connect callbacks from one client address (one sign-in is two or three requests).
    /// Default 60 a minute.
    /// </summary>
    public GhStatsRateLimit SignIn { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>The public badges (<c>{prefix}/badges/...</c>) from one client address. Default 120 a minute.</summary>
    public GhStatsRateLimit Badges { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// The public dashboards (<c>{prefix}/p/...</c>: a page and its data, so a visit is two requests) from one client
    /// address. Default 120 a minute.
    /// </summary>
    public GhStatsRateLimit Public { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };
}
