using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>
/// Keeps the JSON of traffic queries, which change only when a collection writes. A repository's series is keyed by
/// the repository's last collection time, a tenant's summary by the newest run's progress, so a collection makes the
/// next request read afresh; entries also expire after <see cref="GhStatsApiOptions.ResponseCacheLifetime"/>, for data
/// written by other means. Only the bytes are shared: every request is authenticated and authorized before a lookup,
/// and every key carries what the caller may see.
/// </summary>
internal sealed class TrafficResponseCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly TimeSpan _lifetime;
    private readonly JsonSerializerOptions _json;

    public TrafficResponseCache(IOptions<GhStatsApiOptions> options, IOptions<JsonOptions> json)
    {
        var settings = options.Value;
        _lifetime = settings.ResponseCacheLifetime;
        _json = json.Value.SerializerOptions;
        if (settings.ResponseCacheMegabytes > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.ResponseCacheMegabytes * 1024L * 1024L });
        }
    }

    private long _generation;

    /// <summary>
    /// Makes every entry stale: tracking and untracking change what a summary lists without a collection. Entries are keyed
    /// by generation, so an answer computed before a change is never served after it. Other replicas see the change when
    /// their entries expire.
    /// </summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The JSON for <paramref name="key"/>, computed by <paramref name="compute"/> when not cached.</summary>
    public async Task<IResult> JsonAsync<T>(string key, Func<Task<T>> compute)
    {
        key = $"{Interlocked.Read(ref _generation)}:{key}";
        if (_cache is not null && _cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return TypedResults.Bytes(cached, "application/json; charset=utf-8");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(await compute(), _json);
        _cache?.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, AbsoluteExpirationRelativeToNow = _lifetime });
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    public void Dispose() => _cache?.Dispose();
}
