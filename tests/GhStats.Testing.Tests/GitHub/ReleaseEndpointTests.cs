using GhStats.Testing.GitHub;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

/// <summary>The simulator's releases endpoint through Octokit: GitHub's shape, paging, drafts for pushers only, counts that grow with the clock.</summary>
public sealed class ReleaseEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private GitHubSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = Now });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Releases_ShowDraftsToPushersOnly_AndCountsThatGrowWithTheClock()
    {
        var repository = _simulator.AddRepository("acme", "rocket", seed: 7);
        var pusher = Octo.WithToken(_simulator, _simulator.AddToken(canPushTo: ["*"]));
        var reader = Octo.WithToken(_simulator, _simulator.AddToken(canPushTo: []));

        var seen = await pusher.Repository.Release.GetAll("acme", "rocket");
        var publicly = await reader.Repository.Release.GetAll("acme", "rocket");

        seen.Count(r => r.Draft).ShouldBe(1);
        publicly.ShouldAllBe(r => !r.Draft);
        publicly.Select(r => r.TagName).ShouldBe(["v1.1.0-rc.1", "v1.0.0"]);
        var asset = publicly[1].Assets[0];
        asset.DownloadCount.ShouldBe((int)repository.Releases[0].Assets[0].DownloadCountAt(Now));
        asset.DownloadCount.ShouldBeGreaterThan(0);
        asset.BrowserDownloadUrl.ShouldEndWith("/acme/rocket/releases/download/v1.0.0/app-linux-x64.tar.gz");

        _simulator.Clock.Set(Now.AddDays(3));
        var later = await reader.Repository.Release.GetAll("acme", "rocket");
        later[1].Assets[0].DownloadCount.ShouldBeGreaterThanOrEqualTo(asset.DownloadCount);
        later.Sum(r => r.Assets.Sum(a => (long)a.DownloadCount)).ShouldBeGreaterThan(publicly.Sum(r => r.Assets.Sum(a => (long)a.DownloadCount)));
        _simulator.Stats.Requests(SimulatedEndpoint.Releases).ShouldBe(3);
    }

    [Fact]
    public async Task Releases_ArePaged_AndDeletedOnesAndAssetsDisappear()
    {
        var repository = _simulator.AddRepository("acme", "many", seed: 8);
        for (var i = 0; i < 120; i++)
        {
            repository.AddRelease($"v0.{i}", $"R{i}", Now.AddDays(-300 + i));
        }

        var client = Octo.WithToken(_simulator, _simulator.AddToken(canPushTo: []));
        var firstPage = await client.Repository.Release.GetAll("acme", "many", new ApiOptions { PageSize = 100, PageCount = 1 });
        var all = await client.Repository.Release.GetAll("acme", "many", new ApiOptions { PageSize = 100 });

        firstPage.Count.ShouldBe(100);
        all.Count.ShouldBe(122);
        all.Select(r => r.Id).Distinct().Count().ShouldBe(122);

        var first = repository.Releases[0];
        first.RemoveAsset(first.Assets[1]);
        repository.RemoveRelease(repository.Releases[1]);
        var after = await client.Repository.Release.GetAll("acme", "many", new ApiOptions { PageSize = 100 });

        after.Count.ShouldBe(121);
        after.Single(r => r.Id == first.Id).Assets.ShouldHaveSingleItem();
    }
}
