using GhStats.Domain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Identity;

/// <summary>
/// Remembers, for <see cref="GhStatsApiOptions.AccessCacheLifetime"/> (5 seconds by default), which token hash belongs to
/// which token and what roles a profile holds, so a burst of API calls does not read them again for every request.
/// A change made through this replica's API (a revoked token, a member removed, a tenant deleted) clears it at once;
/// other replicas see the change when their entries expire. A lifetime of zero reads the database on every request.
/// </summary>
internal sealed class AccessCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly TimeSpan _lifetime;
    private long _generation;

    public AccessCache(IOptions<GhStatsApiOptions> options)
    {
        _lifetime = options.Value.AccessCacheLifetime;
        if (_lifetime > TimeSpan.Zero)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 100_000 });
        }
    }

    /// <summary>The token with this hash; unknown hashes are not remembered, so guessing cannot fill the cache.</summary>
    public Task<ApiToken?> TokenAsync(string hash, Func<Task<ApiToken?>> load) => GetAsync($"token:{hash}", load);

    public Task<CallerRoles?> RolesAsync(long userId, Func<Task<CallerRoles?>> load) => GetAsync($"roles:{userId}", load);

    /// <summary>Forgets everything, after a change of tokens or roles.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _cache?.Dispose();

    private async Task<T?> GetAsync<T>(string key, Func<Task<T?>> load)
        where T : class
    {
        if (_cache is null)
        {
            return await load();
        }

        // Keyed by generation: an entry loaded before a change is never served after it.
        var generation = Interlocked.Read(ref _generation);
        key = $"{generation}:{key}";
        if (_cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        var loaded = await load();
        if (loaded is not null)
        {
            _cache.Set(key, loaded, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }

        return loaded;
    }
}
