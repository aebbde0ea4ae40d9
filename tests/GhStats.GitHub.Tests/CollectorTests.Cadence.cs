using GhStats.Domain;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

public abstract partial class CollectorTests
{
    [Fact]
    public async Task LaterRunsTheSameDay_ReadOnlyViewsAndClones_AndTheFirstRunAfterMidnightMakesTheDailyReadsAgain()
    {
        var (harness, tenant, token) = await SetUpAsync();
        var tracked = new List<TrackedRepository>();
        foreach (var name in new[] { "hourly", "often", "busy" })
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length * 5, r => r.Stars = 150);
            tracked.Add(await harness.Repositories.AddAsync(tenant.Id, "octo", name));
        }

        var today = DateOnly.FromDateTime(Start.UtcDateTime);

        // Wednesday noon: never collected, so everything daily, and the weekly figures (never read either).
        var first = await RunAsync(Start);
        first.Requests(SimulatedEndpoint.GraphQL).ShouldBe(1, "the counters of the three in one query");
        first.Requests(SimulatedEndpoint.Views).ShouldBe(6, "daily and weekly views");
        first.Requests(SimulatedEndpoint.Clones).ShouldBe(6);
        foreach (var endpoint in new[] { SimulatedEndpoint.Referrers, SimulatedEndpoint.Paths, SimulatedEndpoint.Releases })
        {
            first.Requests(endpoint).ShouldBe(3, endpoint.ToString());
        }

        first.Requests(SimulatedEndpoint.Stargazers).ShouldBeGreaterThan(0, "the star backfill starts");
        await ShouldBeCollectedAsync(daily: today, lastRead: today);

        // An hour later, and the last second of the day: views and clones of each, nothing else.
        var midnight = new DateTimeOffset(Start.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        foreach (var later in new[] { Start.AddHours(1), midnight.AddSeconds(-1) })
        {
            var hourly = await RunAsync(later);
            (hourly.Requests(SimulatedEndpoint.Views), hourly.Requests(SimulatedEndpoint.Clones)).ShouldBe((3, 3), later.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            hourly.RequestsFor(token).ShouldBe(6, "two calls a repository, and no other");
            hourly.TotalRequests.ShouldBe(6);
            await ShouldBeCollectedAsync(daily: today, lastRead: today);
        }

        // A second after midnight: the daily reads are due again; the weekly figures are not (read this week).
        var nextDay = await RunAsync(midnight.AddSeconds(1));
        nextDay.Requests(SimulatedEndpoint.GraphQL).ShouldBe(1);
        (nextDay.Requests(SimulatedEndpoint.Views), nextDay.Requests(SimulatedEndpoint.Clones)).ShouldBe((3, 3));
        foreach (var endpoint in new[] { SimulatedEndpoint.Referrers, SimulatedEndpoint.Paths, SimulatedEndpoint.Releases })
        {
            nextDay.Requests(endpoint).ShouldBe(3, endpoint.ToString());
        }

        await ShouldBeCollectedAsync(daily: today.AddDays(1), lastRead: today.AddDays(1));
        foreach (var repository in tracked)
        {
            var counters = await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, repository.Id, new DateRange(today, today.AddDays(1)));
            counters.Select(c => c.Day).ShouldBe([today, today.AddDays(1)], "one row of counters a day, however many runs");
        }

        // Monday: the weekly figures once more, besides the daily reads.
        var monday = await RunAsync(new DateTimeOffset(2024, 1, 15, 0, 30, 0, TimeSpan.Zero));
        (monday.Requests(SimulatedEndpoint.Views), monday.Requests(SimulatedEndpoint.Clones)).ShouldBe((6, 6));
        monday.Requests(SimulatedEndpoint.Referrers).ShouldBe(3);
        var mondayAgain = await RunAsync(new DateTimeOffset(2024, 1, 15, 1, 30, 0, TimeSpan.Zero));
        (mondayAgain.TotalRequests, mondayAgain.Requests(SimulatedEndpoint.Views)).ShouldBe((6, 3));

        async Task<SimulatorStats> RunAsync(DateTimeOffset now)
        {
            harness.SetNow(now);
            harness.Simulator.Stats.Reset();
            var run = await harness.CollectAsync(tenant.Id);
            run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
            run.ReposOk.ShouldBe(3);
            return harness.Simulator.Stats;
        }

        async Task ShouldBeCollectedAsync(DateOnly daily, DateOnly lastRead)
        {
            foreach (var repository in await harness.Repositories.ListAsync(tenant.Id))
            {
                (repository.DailyCollectedOn, repository.LastDailyReadOn, repository.LastStatus).ShouldBe((daily, lastRead, "ok"), repository.Name);
            }
        }
    }

    [Fact]
    public async Task AnHourlyRun_StoresTodaysViewsSoFar_AndTheDayBecomesCompleteAfterMidnight()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var simulated = harness.Simulator.AddRepository("octo", "window", seed: 31);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "window");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        harness.SetNow(Start);
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);

        // 23:00, no daily reads: today's views and clones so far are read and stored all the same.
        var evening = Start.AddHours(11);
        harness.SetNow(evening);
        harness.Simulator.Stats.Reset();
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Referrers).ShouldBe(0);
        var served = simulated.ServedDays(evening).Single(d => d.Start == today);
        served.Views.ShouldBeGreaterThan(simulated.ServedDays(Start).Single(d => d.Start == today).Views, "the simulator's day goes on");
        var stored = (await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today, today), TrafficPeriod.Day)).Points.Single();
        (stored.Views, stored.Clones, stored.Coverage).ShouldBe((served.Views, served.Clones, DayCoverage.Partial));

        // 00:30: the day's first run; yesterday is complete.
        harness.SetNow(Start.AddHours(12.5));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        var series = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today, today.AddDays(1)), TrafficPeriod.Day);
        series.Points.Select(p => p.Coverage).ShouldBe([DayCoverage.Complete, DayCoverage.Partial]);
        series.Points[0].Views.ShouldBe(simulated.DayTruth(today).Views);
        var collected = (await harness.Repositories.FindAsync(repository.Id))!;
        (collected.LastDailyReadOn, collected.DailyCollectedOn).ShouldBe((today.AddDays(1), today.AddDays(1)));
    }

    [Fact]
    public async Task AFailedDailyRead_IsTriedAgainInTheNextRunTheSameDay_AndThenNotAgainThatDay()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: RestCounters);
        harness.Simulator.AddRepository("octo", "flaky", seed: 37);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "flaky");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);

        // The paths read fails through every retry: views and clones are stored, the daily reads stay due.
        harness.SetNow(Start);
        harness.Simulator.Faults.FailNext("/traffic/popular/paths", 500, times: 20);
        var failed = await harness.CollectAsync(tenant.Id);
        failed.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        var afterFailure = (await harness.Repositories.FindAsync(repository.Id))!;
        (afterFailure.DailyCollectedOn, afterFailure.LastDailyReadOn, afterFailure.LastStatus).ShouldBe((null, today, "Transient"));
        harness.Simulator.Faults.Clear();

        harness.SetNow(Start.AddHours(1));
        harness.Simulator.Stats.Reset();
        var retried = await harness.CollectAsync(tenant.Id);
        retried.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(retried.Id));
        foreach (var endpoint in new[] { SimulatedEndpoint.Repository, SimulatedEndpoint.Referrers, SimulatedEndpoint.Paths, SimulatedEndpoint.Releases })
        {
            harness.Simulator.Stats.Requests(endpoint).ShouldBe(1, endpoint.ToString());
        }

        // The failed run recorded no day at all, the weekly figures' included: they are read again too.
        (harness.Simulator.Stats.Requests(SimulatedEndpoint.Views), harness.Simulator.Stats.Requests(SimulatedEndpoint.Clones)).ShouldBe((2, 2));

        (await harness.Repositories.FindAsync(repository.Id))!.DailyCollectedOn.ShouldBe(today);
        (await harness.Traffic.GetPathHistoryAsync(tenant.Id, repository.Id, new DateRange(today, today))).ShouldNotBeEmpty();

        harness.SetNow(Start.AddHours(2));
        harness.Simulator.Stats.Reset();
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        harness.Simulator.Stats.TotalRequests.ShouldBe(2, "views and clones");
    }

    [Fact]
    public async Task GraphQLBatches_HoldOnlyTheRepositoriesWhoseDailyReadsAreDue()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => o.GraphQLBatchSize = 1);
        foreach (var name in new[] { "one", "two", "three", "four" })
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length * 11);
            await harness.Repositories.AddAsync(tenant.Id, "octo", name);
        }

        harness.SetNow(Start);
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        harness.Simulator.Stats.GraphQLRequests.ShouldBe(4, "batches of one");

        // A repository tracked since: only its counters are due, in one batch of one; the four others' are read for today.
        harness.Simulator.AddRepository("octo", "five", seed: 55);
        var added = await harness.Repositories.AddAsync(tenant.Id, "octo", "five");
        harness.SetNow(Start.AddHours(1));
        harness.Simulator.Stats.Reset();
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(5);
        harness.Simulator.Stats.GraphQLRequests.ShouldBe(1);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(0, "no counters read with REST either");
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Referrers).ShouldBe(1);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Views).ShouldBe(6, "each one's daily views, and the new one's weekly figures");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        (await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, added.Id, new DateRange(today, today))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AStarBackfill_GoesOnOncePerDay_NotInEveryRun()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => o.StarBackfillPagesPerRun = 1);
        harness.Simulator.AddRepository("octo", "starry", seed: 3, r => r.Stars = 250);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "starry");

        var pages = new List<long>();
        foreach (var now in new[] { Start, Start.AddHours(1), Start.AddHours(2), Start.AddDays(1), Start.AddDays(1).AddHours(1) })
        {
            harness.SetNow(now);
            harness.Simulator.Stats.Reset();
            (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
            pages.Add(harness.Simulator.Stats.Requests(SimulatedEndpoint.Stargazers));
        }

        pages.ShouldBe([1L, 0L, 0L, 1L, 0L]);
    }
}
