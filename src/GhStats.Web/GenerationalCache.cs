using GhStats.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace GhStats.Web;

/// <summary>
/// A bounded in-memory cache whose entries live for a fixed time and can all be made stale at once. Keys carry a
/// generation that <see cref="Invalidate"/> moves on, so a value loaded before a change is never served after it.
/// An entry may also carry a version (what the value was computed from, such as a collection's progress): a lookup
/// with another version loads afresh and replaces the entry, so a query asked again and again while a collection
/// writes keeps one entry, not one per step of the collection left to expire.
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
    public Task<T?> GetOrAddAsync<T>(string key, Func<Task<T?>> load, Func<T, long> size)
        where T : class => GetOrAddAsync(key, version: null, load, size);

    /// <summary>
    /// The value for <paramref name="key"/> computed from <paramref name="version"/>: loaded when missing or kept for
    /// another version, and then kept in that entry's place (counting <paramref name="size"/> against the limit).
    /// </summary>
    public async Task<T?> GetOrAddAsync<T>(string key, string? version, Func<Task<T?>> load, Func<T, long> size)
        where T : class
    {
        if (_cache is null)
        {
            return await load();
        }

        key = $"{Interlocked.Read(ref _generation)}:{key}";
        if (_cache.TryGetValue(key, out Versioned? cached) && cached is { Value: T value } && cached.Version == version)
        {
            _metrics.CacheLookup(_name, hit: true);
            return value;
        }

        _metrics.CacheLookup(_name, hit: false);

        var loaded = await load();
        if (loaded is not null)
        {
            _cache.Set(key, new Versioned(version, loaded), new MemoryCacheEntryOptions { Size = size(loaded), AbsoluteExpirationRelativeToNow = _lifetime });
        }

        return loaded;
    }

    public void Dispose() => _cache?.Dispose();

    /// <summary>A kept value and the version it was computed from.</summary>
    private sealed record Versioned(string? Version, object Value);
}
