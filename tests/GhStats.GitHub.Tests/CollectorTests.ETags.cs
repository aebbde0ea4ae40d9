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
    public async Task ASecondRunWithNothingChanged_MakesOnly304s_AndStoresTheSame()
    {
        var (harness, tenant, token) = await SetUpAsync(configure: RestCounters);
        harness.SetNow(Start);
        var simulated = new[] { "quiet", "calm" }.Select(n => harness.Simulator.AddRepository("octo", n, seed: n.Length * 3, r => r.Stars = 12)).ToList();
        var tracked = new List<TrackedRepository>();
        foreach (var repository in simulated)
        {
            tracked.Add(await harness.Repositories.AddAsync(tenant.Id, repository.Owner, repository.Name));
        }

        var first = await harness.CollectAsync(tenant.Id);
        var chargedFirst = harness.Simulator.Stats.ChargedRequests;
        var before = await StoredAsync(harness, tenant.Id, tracked);
        harness.Simulator.Stats.Reset();

        var second = await harness.CollectAsync(tenant.Id);

        first.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(first.Id));
        second.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(second.Id));
        chargedFirst.ShouldBeGreaterThan(0);
        var stats = harness.Simulator.Stats;
        stats.ChargedRequests.ShouldBe(0, "every read of the second run was answered 304");
        stats.NotModified.ShouldBe(stats.TotalRequests);
        foreach (var endpoint in new[] { SimulatedEndpoint.Views, SimulatedEndpoint.Clones })
        {
            stats.NotModifiedOf(endpoint).ShouldBe(2, endpoint.ToString());
        }

        // The counters, referrers and paths were read today already: a later run the same day reads views and clones only.
        stats.RequestsFor(token).ShouldBe(4);
        (await StoredAsync(harness, tenant.Id, tracked)).ShouldBe(before);
        var etags = harness.Services.GetRequiredService<IGitHubETagStore>();
        var connection = (await harness.Services.GetRequiredService<IConnectionStore>().ListAsync(tenant.Id)).Single();
        (await etags.ListAsync(tracked[0].Id, connection.Id)).Select(e => e.Read).ShouldBe(
            ["clones.day", "clones.week", "paths", "referrers", "repository", "views.day", "views.week"], ignoreOrder: true);
    }

    [Fact]
    public async Task AChangeBetweenRuns_IsReadAgain_WithANewETag()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: RestCounters);
        harness.SetNow(Start);
        var simulated = harness.Simulator.AddRepository("octo", "growing", seed: 17, r =>
        {
            r.Stars = 12;
            r.Paths = [];
        });
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "growing");
        await harness.CollectAsync(tenant.Id);
        var etags = harness.Services.GetRequiredService<IGitHubETagStore>();
        var connection = (await harness.Services.GetRequiredService<IConnectionStore>().ListAsync(tenant.Id)).Single();
        var tagBefore = (await etags.ListAsync(repository.Id, connection.Id)).Single(e => e.Read == "repository").ETag;
        harness.Simulator.Stats.Reset();

        // The next day, when the counters are read again.
        simulated.Stars = 15;
        simulated.Forks += 2;
        harness.SetNow(Start.AddDays(1));
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var stats = harness.Simulator.Stats;
        stats.Requests(SimulatedEndpoint.Repository).ShouldBe(1);
        stats.NotModifiedOf(SimulatedEndpoint.Repository).ShouldBe(0);
        stats.NotModifiedOf(SimulatedEndpoint.Paths).ShouldBe(1, "an empty list stays the same answer from day to day");
        var stored = await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, repository.Id, new DateRange(Today.AddDays(1), Today.AddDays(1)));
        stored.Single().Stars.ShouldBe(15);
        stored.Single().Forks.ShouldBe(simulated.Forks);
        (await etags.ListAsync(repository.Id, connection.Id)).Single(e => e.Read == "repository").ETag.ShouldNotBe(tagBefore);
    }

    [Fact]
    public async Task A304OnALaterDay_StillCountsAsARead_AndCarriesTheStoredCountersToTheNewDay()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: RestCounters);
        harness.SetNow(Start);
        harness.Simulator.AddRepository("octo", "steady", seed: 23, r =>
        {
            r.Stars = 12;
            r.Referrers = [];
            r.Paths = [];
        });
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "steady");
        await harness.CollectAsync(tenant.Id);
        harness.Simulator.Stats.Reset();

        harness.SetNow(Start.AddDays(1));
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var stats = harness.Simulator.Stats;
        stats.NotModifiedOf(SimulatedEndpoint.Repository).ShouldBe(1);
        stats.NotModifiedOf(SimulatedEndpoint.Referrers).ShouldBe(1, "an empty list stays the same answer from day to day");
        stats.NotModifiedOf(SimulatedEndpoint.Paths).ShouldBe(1);
        stats.NotModifiedOf(SimulatedEndpoint.Views).ShouldBe(0, "GitHub's window moved with the day");
        var counters = await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, repository.Id, new DateRange(Today, Today.AddDays(1)));
        counters.Select(c => c.Day).ShouldBe([Today, Today.AddDays(1)]);
        (counters[1] with { Day = Today }).ShouldBe(counters[0]);
        (await harness.Repositories.FindAsync(repository.Id))!.LastDailyReadOn.ShouldBe(Today.AddDays(1));
        var series = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(Today.AddDays(1), Today.AddDays(1)), TrafficPeriod.Day);
        series.Points.Single().Coverage.ShouldBe(DayCoverage.Partial);
    }

    [Fact]
    public async Task WithConditionalRequestsOff_TheNextDaysRunReadsEverythingAgain()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => (o.ConditionalRequests, o.GraphQLBatchSize) = (false, 0));
        harness.SetNow(Start);
        harness.Simulator.AddRepository("octo", "plain", seed: 29, r => r.Stars = 12);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "plain");
        await harness.CollectAsync(tenant.Id);
        harness.Simulator.Stats.Reset();

        harness.SetNow(Start.AddDays(1));
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        harness.Simulator.Stats.NotModified.ShouldBe(0);
        harness.Simulator.Stats.ChargedRequests.ShouldBe(6, "counters, views, clones, referrers, paths and releases");
        var connection = (await harness.Services.GetRequiredService<IConnectionStore>().ListAsync(tenant.Id)).Single();
        (await harness.Services.GetRequiredService<IGitHubETagStore>().ListAsync(repository.Id, connection.Id)).ShouldBeEmpty();
    }

    private static DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>These tests are about REST's conditional counter read (<c>GET /repos/{o}/{r}</c>), so GraphQL batching is off.</summary>
    private static void RestCounters(GitHubCollectorOptions options) => options.GraphQLBatchSize = 0;

    /// <summary>Everything the collector stored for the repositories, as one comparable text.</summary>
    private static async Task<string> StoredAsync(CollectorHarness harness, long tenantId, IReadOnlyList<TrackedRepository> repositories)
    {
        var range = new DateRange(Today.AddDays(-30), Today.AddDays(1));
        var text = new System.Text.StringBuilder();
        foreach (var repository in repositories)
        {
            var daily = await harness.Traffic.GetTrafficSeriesAsync(tenantId, repository.Id, range, TrafficPeriod.Day);
            var weekly = await harness.Traffic.GetTrafficSeriesAsync(tenantId, repository.Id, range, TrafficPeriod.Week);
            text.AppendJoin('\n', daily.Points).AppendLine().AppendJoin('\n', weekly.Points).AppendLine();
            text.AppendJoin('\n', await harness.Traffic.GetReferrerHistoryAsync(tenantId, repository.Id, range)).AppendLine();
            text.AppendJoin('\n', await harness.Traffic.GetPathHistoryAsync(tenantId, repository.Id, range)).AppendLine();
            text.AppendJoin('\n', await harness.Traffic.GetRepositoryStatsAsync(tenantId, repository.Id, range)).AppendLine();
            text.AppendLine((await harness.Repositories.FindAsync(repository.Id))!.LastDailyReadOn?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
