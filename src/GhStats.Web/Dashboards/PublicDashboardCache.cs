using GhStats.Diagnostics;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Dashboards;

/// <summary>
/// Keeps the JSON of public dashboards. Keys carry the dashboard's last change and its repositories, versions the newest
/// run's progress, so a change, an untracked repository or a collection is read afresh on every replica (a new version
/// takes the old one's place); an Owner's change
/// also makes every entry stale here at once. The dashboard itself is looked up on every request, so an unpublished one
/// is never served from here.
/// </summary>
internal sealed class PublicDashboardCache(IOptions<GhStatsApiOptions> options, GhStatsMetrics metrics) : IDisposable
{
    private readonly GenerationalCache _cache = new("public", metrics, options.Value.ResponseCacheMegabytes * 1024L * 1024L, options.Value.ResponseCacheLifetime);

    public void Invalidate() => _cache.Invalidate();

    public Task<byte[]?> GetOrAddAsync(string key, string version, Func<Task<byte[]?>> load) => _cache.GetOrAddAsync(key, version, load, b => b.Length);

    public void Dispose() => _cache.Dispose();
}
