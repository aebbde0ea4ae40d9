using GhStats.Diagnostics;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// The cache's versions: a value is served only for the version it was computed from, and a new version takes the old
/// entry's place (its room too), so a query asked while a collection writes keeps one entry.
/// </summary>
public sealed class GenerationalCacheTests : IDisposable
{
    private readonly GhStatsMetrics _metrics = new(null);
    private int _loads;

    [Fact]
    public async Task AValue_IsServedForItsOwnVersionOnly()
    {
        using var cache = new GenerationalCache("test", _metrics, sizeLimit: 100, TimeSpan.FromMinutes(1));

        (await GetAsync(cache, "summary", "run 1: 10 done")).ShouldBe("load 1 for run 1: 10 done");
        (await GetAsync(cache, "summary", "run 1: 10 done")).ShouldBe("load 1 for run 1: 10 done");
        (await GetAsync(cache, "summary", "run 1: 11 done")).ShouldBe("load 2 for run 1: 11 done");
        (await GetAsync(cache, "summary", "run 1: 11 done")).ShouldBe("load 2 for run 1: 11 done");

        // The older version's entry was replaced, not kept beside the newer one.
        (await GetAsync(cache, "summary", "run 1: 10 done")).ShouldBe("load 3 for run 1: 10 done");
    }

    [Fact]
    public async Task ANewVersion_TakesTheOldEntrysRoom()
    {
        // Room for one entry of 60: were the old version kept (or its size still counted), the new one would not fit.
        using var cache = new GenerationalCache("test", _metrics, sizeLimit: 100, TimeSpan.FromMinutes(1));
        for (var step = 0; step < 5; step++)
        {
            (await GetAsync(cache, "summary", $"step {step}", size: 60)).ShouldBe($"load {step + 1} for step {step}");
            (await GetAsync(cache, "summary", $"step {step}", size: 60)).ShouldBe($"load {step + 1} for step {step}", $"step {step} is kept");
        }
    }

    [Fact]
    public async Task Invalidate_MakesEveryVersionStale()
    {
        using var cache = new GenerationalCache("test", _metrics, sizeLimit: 100, TimeSpan.FromMinutes(1));
        await GetAsync(cache, "summary", "v");
        cache.Invalidate();
        (await GetAsync(cache, "summary", "v")).ShouldBe("load 2 for v");
    }

    public void Dispose() => _metrics.Dispose();

    private Task<string?> GetAsync(GenerationalCache cache, string key, string version, long size = 1) =>
        cache.GetOrAddAsync(key, version, () => Task.FromResult<string?>($"load {Interlocked.Increment(ref _loads)} for {version}"), _ => size);
}
