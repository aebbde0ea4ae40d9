using System.Text.Json;
using GhStats.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>
/// Keeps the JSON of traffic queries, which change only when a collection writes. A repository's series is versioned
/// by the repository's last collection time, a tenant's summary by the newest run's progress, so a collection makes the
/// next request read afresh and its answer takes the old one's place; entries also expire after <see cref="GhStatsApiOptions.ResponseCacheLifetime"/>, for data
/// written by other means. Only the bytes are shared: every request is authenticated and authorized before a lookup,
/// and every key carries what the caller may see.
/// </summary>
internal sealed class TrafficResponseCache(IOptions<GhStatsApiOptions> options, IOptions<JsonOptions> json, GhStatsMetrics metrics) : IDisposable
{
    private readonly GenerationalCache _cache = new("traffic", metrics, options.Value.ResponseCacheMegabytes * 1024L * 1024L, options.Value.ResponseCacheLifetime);
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    /// <summary>
    /// Makes every entry stale: tracking and untracking change what a summary lists without a collection. An answer
    /// computed before a change is never served after it. Other replicas see the change when their entries expire.
    /// </summary>
    public void Invalidate() => _cache.Invalidate();

    /// <summary>The JSON for <paramref name="key"/> as of <paramref name="version"/>, computed by <paramref name="compute"/> when not cached.</summary>
    public async Task<IResult> JsonAsync<T>(string key, string version, Func<Task<T>> compute)
    {
        // Kept in chunks: a summary of thousands of repositories is megabytes, which in one array would be large-object garbage.
        return (await _cache.GetOrAddAsync(key, version, async () => JsonChunks.Serialize(await compute(), _json), c => c.Allocated))!;
    }

    /// <summary>
    /// The value for <paramref name="key"/> as of <paramref name="version"/>, computed by <paramref name="compute"/> when not cached, for answers made
    /// from it in more than one way (a summary's rows, from which each page is cut). <paramref name="size"/> estimates
    /// its bytes against the same limit as the JSON's.
    /// </summary>
    public async Task<T> ValueAsync<T>(string key, string version, Func<Task<T>> compute, Func<T, long> size)
        where T : class =>
        (await _cache.GetOrAddAsync<T>(key, version, async () => await compute(), size))!;

    public void Dispose() => _cache.Dispose();
}
