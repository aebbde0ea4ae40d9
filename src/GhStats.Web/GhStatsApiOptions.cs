namespace GhStats.Web;

/// <summary>Limits of JSON API v1, bound from <c>GhStats:Api</c>.</summary>
public sealed class GhStatsApiOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Api";

    /// <summary>The largest request body accepted, in bytes. Default 64 KiB (a GitHub App private key fits).</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The longest date range a query may ask for, in days. Default 3,660 (ten years).</summary>
    public int MaxRangeDays { get; set; } = 3660;

    /// <summary>The range a query covers when it names none, ending today (UTC). Default 30 days.</summary>
    public int DefaultRangeDays { get; set; } = 30;

    /// <summary>Memory for cached traffic responses, in MiB; 0 turns the cache off. Default 32.</summary>
    public int ResponseCacheMegabytes { get; set; } = 32;

    /// <summary>The longest a cached traffic response is served; a collection renews it sooner. Default 10 minutes.</summary>
    public TimeSpan ResponseCacheLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a token lookup and a profile's roles are remembered; a change made on another replica takes this long to
    /// apply here. Zero reads them on every request. Default 5 seconds, at most 5 minutes.
    /// </summary>
    public TimeSpan AccessCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);
}
