using GhStats.Diagnostics;
using GhStats.Domain;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Identity;

/// <summary>
/// Remembers, for <see cref="GhStatsApiOptions.AccessCacheLifetime"/> (5 seconds by default), which token hash belongs to
/// which token and what roles a profile holds, so a burst of API calls does not read them again for every request.
/// A change made through this replica's API (a revoked token, a member removed, a tenant deleted) clears it at once;
/// other replicas see the change when their entries expire. A lifetime of zero reads the database on every request.
/// </summary>
internal sealed class AccessCache(IOptions<GhStatsApiOptions> options, GhStatsMetrics metrics) : IDisposable
{
    private readonly GenerationalCache _cache = new("access", metrics, sizeLimit: 100_000, options.Value.AccessCacheLifetime);

    /// <summary>The token with this hash; unknown hashes are not remembered, so guessing cannot fill the cache.</summary>
    public Task<ApiToken?> TokenAsync(string hash, Func<Task<ApiToken?>> load) => _cache.GetOrAddAsync($"token:{hash}", load, _ => 1);

    public Task<CallerRoles?> RolesAsync(long userId, Func<Task<CallerRoles?>> load) => _cache.GetOrAddAsync($"roles:{userId}", load, _ => 1);

    /// <summary>Forgets everything, after a change of tokens or roles.</summary>
    public void Invalidate() => _cache.Invalidate();

    public void Dispose() => _cache.Dispose();
}
