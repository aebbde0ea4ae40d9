using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

public abstract partial class CollectorTests
{
    [Fact]
    public async Task ReleasesReadDailyOverTenDays_StoreTheSimulatorsTruth_OncePerDay_WithoutDrafts()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var simulated = harness.Simulator.AddRepository("octo", "shipping", seed: 41);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "shipping");

        // A release published on day 4, between two reads: all of its downloads happened since the previous one.
        var late = simulated.AddRelease("v1.2.0", "Late", Start.AddDays(3).AddHours(6));
        late.AddAsset("late.zip", Start.AddDays(3).AddHours(5), 30);

        var instants = Enumerable.Range(0, 10).Select(day => Start.AddDays(day)).ToList();
        foreach (var now in instants)
        {
            harness.SetNow(now);
            var run = await harness.CollectAsync(tenant.Id);
            run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));

            // A second run the same day reads traffic again but not the releases.
            harness.SetNow(now.AddHours(3));
            (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        }

        harness.Simulator.Stats.Requests(SimulatedEndpoint.Releases).ShouldBe(10);

        var published = simulated.Releases.Where(r => !r.Draft).ToList();
        var assets = published.SelectMany(r => r.Assets).ToList();
        long Truth(int day) => assets.Sum(a => a.DownloadCountAt(instants[day]) - a.DownloadCountAt(instants[day - 1]));

        var store = harness.Services.GetRequiredService<IReleaseStore>();
        var first = DateOnly.FromDateTime(Start.UtcDateTime);
        var downloads = await store.GetDailyDownloadsAsync(tenant.Id, repository.Id, new DateRange(first, first.AddDays(9)));

        downloads.Days.Select(d => d.Downloads).ShouldBe([0L, .. Enumerable.Range(1, 9).Select(Truth)]);
        downloads.Days.ShouldAllBe(d => d.Days == 1);
        downloads.TotalDownloads.ShouldBe(assets.Sum(a => a.DownloadCountAt(instants[^1])));
        downloads.Days[4].Releases.ShouldContain(new ReleaseDayDownloads(late.Id, late.Assets[0].DownloadCountAt(instants[4])));
        late.Assets[0].DownloadCountAt(instants[4]).ShouldBeGreaterThan(0);

        // Drafts are never stored; an empty GitHub name falls back to the tag.
        var releases = await store.ListReleasesAsync(tenant.Id, repository.Id, new DateRange(new DateOnly(2008, 1, 1), first.AddDays(9)));
        releases.Select(r => r.GitHubReleaseId).Order().ShouldBe(published.Select(r => r.Id).Order());
        releases.ShouldContain(r => r.Tag == "v1.1.0-rc.1" && r.Name == "v1.1.0-rc.1" && r.Prerelease);
    }

    [Fact]
    public async Task ADisappearingAssetAndAReleaseWhoseCountWentDown_NeverCountNegative_AndKeepTheirHistory()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var simulated = harness.Simulator.AddRepository("octo", "churn", seed: 43);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "churn");
        var first = simulated.Releases[0];
        var (kept, removed) = (first.Assets[0], first.Assets[1]);
        var replaced = simulated.Releases[1].Assets[0];

        harness.SetNow(Start);
        await harness.CollectAsync(tenant.Id);
        harness.SetNow(Start.AddDays(1));
        await harness.CollectAsync(tenant.Id);
        var removedBefore = removed.DownloadCountAt(Start.AddDays(1));

        first.RemoveAsset(removed);
        replaced.ResetCount(Start.AddDays(1).AddHours(1));
        harness.SetNow(Start.AddDays(2));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);

        var day = DateOnly.FromDateTime(Start.UtcDateTime);
        var downloads = await harness.Services.GetRequiredService<IReleaseStore>().GetDailyDownloadsAsync(tenant.Id, repository.Id, new DateRange(day, day.AddDays(2)));

        replaced.DownloadCountAt(Start.AddDays(2)).ShouldBeLessThan(replaced.DownloadCountAt(Start.AddDays(1).AddMinutes(59)));
        downloads.Days[2].Downloads.ShouldBe(kept.DownloadCountAt(Start.AddDays(2)) - kept.DownloadCountAt(Start.AddDays(1)));
        downloads.Days.ShouldAllBe(d => d.Downloads >= 0);
        downloads.Days[1].Downloads.ShouldBe(
            new[] { kept, removed, replaced }.Sum(a => a.DownloadCountAt(Start.AddDays(1)) - a.DownloadCountAt(Start)));
        removedBefore.ShouldBeGreaterThan(0);
        downloads.TotalDownloads.ShouldBe(kept.DownloadCountAt(Start.AddDays(2)) + replaced.DownloadCountAt(Start.AddDays(2)));
    }

    [Fact]
    public async Task AFailingReleasesRead_KeepsTheTrafficStored_AndIsRecorded()
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddRepository("octo", "norelease", seed: 44);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "norelease");
        harness.Simulator.Faults.FailNext("/releases", 500, times: 20);

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem().Kind.ShouldBe(CollectionErrorKind.Transient);
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var traffic = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today.AddDays(-13), today), TrafficPeriod.Day);
        traffic.Totals.KnownDays.ShouldBe(14);
        (await harness.Services.GetRequiredService<IReleaseStore>().GetLastReleaseReadAsync(repository.Id)).ShouldBeNull();

        // The next run the same day tries again, since no read was stored.
        harness.Simulator.Faults.Clear();
        harness.SetNow(Start.AddHours(1));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        (await harness.Services.GetRequiredService<IReleaseStore>().GetLastReleaseReadAsync(repository.Id)).ShouldBe(today);
    }

    [Fact]
    public async Task ManyReleases_AreReadPageByPage()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var simulated = harness.Simulator.AddRepository("octo", "prolific", seed: 45);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "prolific");
        for (var i = 0; i < 130; i++)
        {
            simulated.AddRelease($"v0.{i}", $"Release {i}", Start.AddDays(-200 + i)).AddAsset("x.zip", Start.AddDays(-200 + i), 2);
        }

        harness.SetNow(Start);
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);

        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var downloads = await harness.Services.GetRequiredService<IReleaseStore>().GetDailyDownloadsAsync(tenant.Id, repository.Id, new DateRange(today, today));
        downloads.Releases.Count.ShouldBe(simulated.Releases.Count(r => !r.Draft && r.PublishedAt <= Start));
        downloads.Releases.Count.ShouldBeGreaterThan(100);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Releases).ShouldBe(2);
    }
}
