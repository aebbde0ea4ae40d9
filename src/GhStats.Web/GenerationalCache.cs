using GhStats.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace GhStats.Web;

/// <summary>
/// A bounded in-memory cache whose entries live for a fixed time and can all be made stale at once. Keys carry a
/// generation that <see cref="Invalidate"/> moves on, so a value loaded before a change is never served after it.
/// Null values are not kept. With no room or no lifetime, every call loads, and no lookup is counted. Every lookup of
/// a working cache counts as a hit or a miss on <c>ghstats.cache.lookups</c>, tagged with the cache's name.
/// </summary>
internal sealed class GenerationalCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly TimeSpan _lifetime;
    private readonly string _name;
    private readonly GhStatsMetrics _metrics;
    private long _generation;

    public GenerationalCache(string name, GhStatsMetrics metrics, long sizeLimit, TimeSpan lifetime)
    {
        _name = name;
        _metrics = metrics;
        _lifetime = lifetime;
        if (sizeLimit > 0 && lifetime > TimeSpan.Zero)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit });
        }
    }

    /// <summary>Makes every entry stale.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The value for <paramref name="key"/>, loaded and kept (counting <paramref name="size"/> against the limit) when missing.</summary>
    public async Task<T?> GetOrAddAsync<T>(string key, Func<Task<T?>> load, Func<T, long> size)
        where T : class
    {
        if (_cache is null)
        {
            return await load();
        }

        key = $"{Interlocked.Read(ref _generation)}:{key}";
        if (_cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            _metrics.CacheLookup(_name, hit: true);
            return cached;
        }

        _metrics.CacheLookup(_name, hit: false);

        var loaded = await load();
        if (loaded is not null)
        {
            _cache.Set(key, loaded, new MemoryCacheEntryOptions { Size = size(loaded), AbsoluteExpirationRelativeToNow = _lifetime });
        }

        return loaded;
    }

    public void Dispose() => _cache?.Dispose();
}
