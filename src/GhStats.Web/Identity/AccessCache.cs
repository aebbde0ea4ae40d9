using GhStats.Diagnostics;
using GhStats.Domain;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Identity;

/// <summary>
/// Remembers, for <see cref="GhStatsApiOptions.AccessCacheLifetime"/> (5 seconds by default), which token hash belongs to
/// which token and what roles a profile holds, so a burst of API calls does not read them again for every request.
/// A change made through this replica's API (a revoked token, a member removed, a tenant deleted) clears it at once;
/// other replicas see the change when their entries expire. A lifetime of zero reads the database on every request.
/// Session stamps are remembered the same way for <see cref="GhStatsAuthenticationOptions.SessionCheckInterval"/>.
/// </summary>
internal sealed class AccessCache(IOptions<GhStatsApiOptions> options, IOptions<GhStatsAuthenticationOptions> sessions, GhStatsMetrics metrics) : IDisposable
{
    private readonly GenerationalCache _cache = new("access", metrics, sizeLimit: 100_000, options.Value.AccessCacheLifetime);
    private readonly GenerationalCache _stamps = new("session", metrics, sizeLimit: 100_000, sessions.Value.SessionCheckInterval);

    /// <summary>The token with this hash; unknown hashes are not remembered, so guessing cannot fill the cache.</summary>
    public Task<ApiToken?> TokenAsync(string hash, Func<Task<ApiToken?>> load) => _cache.GetOrAddAsync($"token:{hash}", load, _ => 1);

    public Task<CallerRoles?> RolesAsync(long userId, Func<Task<CallerRoles?>> load) => _cache.GetOrAddAsync($"roles:{userId}", load, _ => 1);

    /// <summary>A profile's session stamp (null for an unknown profile, which is not remembered).</summary>
    public async Task<long?> SessionStampAsync(long userId, Func<Task<long?>> load) =>
        (await _stamps.GetOrAddAsync($"stamp:{userId}", async () => await load() is { } stamp ? new StoredStamp(stamp) : null, _ => 1))?.Value;

    /// <summary>Forgets everything, after a change of tokens, roles or sessions.</summary>
    public void Invalidate()
    {
        _cache.Invalidate();
        _stamps.Invalidate();
    }

    public void Dispose()
    {
        _cache.Dispose();
        _stamps.Dispose();
    }

    private sealed record StoredStamp(long Value);
}
