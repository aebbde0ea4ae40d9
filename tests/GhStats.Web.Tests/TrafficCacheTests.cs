using System.Net;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>Traffic responses are cached until a collection writes: the next request after one reads afresh.</summary>
public sealed class TrafficCacheTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 2);
    private WebApp _app = null!;

    public async Task InitializeAsync() => _app = await WebApp.StartAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Series_ShowsNewTraffic_OnceTheRepositoryIsCollectedAgain()
    {
        var (viewer, repository) = await SeedAsync("cache-series");
        var path = $"api/v1/repos/{repository.Id}/traffic?from=2026-11-01&to=2026-11-03";
        (await ViewsAsync(viewer, path)).ShouldBe(5);

        await _app.Get<ITrafficStore>().MergeTrafficDaysAsync([new TrafficDay(repository.Id, Day, 9, 3, 0, 0)]);
        (await ViewsAsync(viewer, path)).ShouldBe(5, "the cached series stands until the repository is collected");

        await _app.Get<IRepositoryStore>().RecordCollectionAsync(repository.Id, "ok");
        (await ViewsAsync(viewer, path)).ShouldBe(9);
    }

    [Fact]
    public async Task Summary_ShowsNewTraffic_OnceACollectionRunMovesOn()
    {
        var (viewer, repository) = await SeedAsync("cache-summary");
        var path = "api/v1/traffic/summary?tenant=cache-summary&from=2026-11-01&to=2026-11-03";
        (await SummaryViewsAsync(viewer, path)).ShouldBe(5);

        await _app.Get<ITrafficStore>().MergeTrafficDaysAsync([new TrafficDay(repository.Id, Day, 12, 3, 0, 0)]);
        var runs = _app.Get<ICollectionRunStore>();
        var run = await runs.StartAsync(CollectionTrigger.Manual, "test");
        await runs.FinishAsync(run.Id, CollectionRunStatus.Succeeded, new CollectionProgress(1, 1, 0, 5, null));

        (await SummaryViewsAsync(viewer, path)).ShouldBe(12);
    }

    [Fact]
    public async Task ACachedSeries_IsNeverServed_ToACallerWhoMayNotReadTheRepository()
    {
        var (viewer, repository) = await SeedAsync("cache-private");
        var path = $"api/v1/repos/{repository.Id}/traffic?from=2026-11-01&to=2026-11-03";
        (await ViewsAsync(viewer, path)).ShouldBe(5);
        var outsider = await _app.CreateUserAsync("outsider@cache.example");
        using var caller = _app.As(outsider);

        using var response = await caller.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("\"views\"");
    }

    private async Task<(WebCaller Viewer, TrackedRepository Repository)> SeedAsync(string slug)
    {
        var tenant = await _app.CreateTenantAsync(slug);
        var repository = await _app.TrackAsync(tenant, "cache-owner", slug);
        await _app.Get<ITrafficStore>().MergeTrafficDaysAsync([new TrafficDay(repository.Id, Day, 5, 2, 1, 1)]);
        var viewer = await _app.CreateUserAsync($"viewer@{slug}.example");
        await _app.AddMemberAsync(tenant, viewer, TenantRole.Viewer);
        return (_app.As(viewer), repository);
    }

    private static async Task<long> ViewsAsync(WebCaller caller, string path) =>
        (await caller.GetJsonAsync(path)).GetProperty("totals").GetProperty("views").GetInt64();

    private static async Task<long> SummaryViewsAsync(WebCaller caller, string path) =>
        (await caller.GetJsonAsync(path)).GetProperty("repositories").EnumerateArray().Single().GetProperty("views").GetInt64();
}
