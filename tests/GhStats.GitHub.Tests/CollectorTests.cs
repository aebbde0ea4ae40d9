using System.Security.Cryptography;
using GhStats.Domain;
using GhStats.Storage.Conformance;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>
/// The collector against the GitHub simulator over loopback HTTP, storing through the real store. Each test makes its own
/// tenant and collects only it, so tests share one database per provider.
/// </summary>
public abstract partial class CollectorTests(StoreDatabaseFixture database) : IAsyncLifetime
{
    /// <summary>Noon, so GitHub's current day is half over.</summary>
    protected static readonly DateTimeOffset Start = new(2024, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly List<IAsyncDisposable> _disposables = [];

    protected StoreDatabaseFixture Database { get; } = database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task CollectingDailyOver60Days_StoresGitHubsGroundTruth()
    {
        var (harness, tenant, token) = await SetUpAsync();
        var tracked = new List<TrackedRepository>();
        foreach (var name in new[] { "alpha", "beta" })
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length * 7);
            tracked.Add(await harness.Repositories.AddAsync(tenant.Id, "octo", name));
        }

        for (var day = 0; day < 60; day++)
        {
            harness.SetNow(Start.AddDays(day));
            var run = await harness.CollectAsync(tenant.Id);
            run.Status.ShouldBe(CollectionRunStatus.Succeeded, $"day {day}: " + await harness.ErrorsAsync(run.Id));
        }

        // Every day GitHub showed complete: the oldest day of the first window is cut short, and today is not over.
        var first = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-12);
        var last = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(58);
        foreach (var repository in tracked)
        {
            var simulated = harness.Simulator.Repository(repository.Owner, repository.Name);
            var series = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(first, last), TrafficPeriod.Day);
            var expected = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
                .Select(i => simulated.DayTruth(first.AddDays(i)))
                .ToList();

            // Every day is there and complete; the days GitHub left out are known zeros.
            expected.ShouldContain(t => t.Views == 0 && t.Clones == 0, "the simulator has zero days");
            series.Points.Select(p => (p.Date, p.Coverage, p.Views, p.UniqueViews, p.Clones, p.UniqueClones))
                .ShouldBe(expected.Select(t => (t.Start, DayCoverage.Complete, (long)t.Views, (long?)t.UniqueViews, (long)t.Clones, (long?)t.UniqueClones)));

                var stats = await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, repository.Id, new DateRange(first, last.AddDays(1)));
            stats.Count.ShouldBe(60);
            stats[^1].Stars.ShouldBe(simulated.Stars);
        }

        var weeks = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, tracked[0].Id, new DateRange(first.AddDays(14), last.AddDays(-7)), TrafficPeriod.Week);
        var alpha = harness.Simulator.Repository("octo", "alpha");
        weeks.Points.ShouldAllBe(p => p.UniqueViews == alpha.WeekTruth(p.Date).UniqueViews);
        harness.Simulator.Stats.SecondaryLimitHits.ShouldBe(0);
        harness.Simulator.Stats.RequestsFor(token).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AGapShorterThanTheWindow_HealsWithNoLoss()
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddRepository("octo", "gap", seed: 5);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", "gap");

        harness.SetNow(Start);
        await harness.CollectAsync(tenant.Id);
        harness.SetNow(Start.AddDays(12));
        await harness.CollectAsync(tenant.Id);

        var first = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-12);
        var last = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(11);
        var simulated = harness.Simulator.Repository("octo", "gap");
        var stored = (await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(first, last), TrafficPeriod.Day))
            .Points.ToDictionary(p => p.Date);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var truth = simulated.DayTruth(day);
            stored[day].Coverage.ShouldBe(DayCoverage.Complete, $"{day}");
            stored[day].Views.ShouldBe(truth.Views, $"{day}");
        }
    }

    [Fact]
    public async Task Outages_OfFiveDaysHeal_AndOfTwentyDaysLoseExactlyTheDaysThatLeftGitHubsWindow()
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddRepository("octo", "brief", seed: 11);
        harness.Simulator.AddRepository("octo", "long", seed: 13);
        var brief = await harness.Repositories.AddAsync(tenant.Id, "octo", "brief");
        var @long = await harness.Repositories.AddAsync(tenant.Id, "octo", "long");
        var start = DateOnly.FromDateTime(Start.UtcDateTime);
        var horizons = new List<HorizonState>();

        for (var day = 0; day < 60; day++)
        {
            // brief fails on days 20 to 24, long on days 30 to 49; GitHub answers 404 to every call for them meanwhile.
            harness.Simulator.Faults.Clear();
            if (day is >= 20 and < 25)
            {
                harness.Simulator.Faults.AlwaysFail("octo/brief", 404);
            }

            if (day is >= 30 and < 50)
            {
                harness.Simulator.Faults.AlwaysFail("octo/long", 404);
            }

            harness.SetNow(Start.AddDays(day));
            var run = await harness.CollectAsync(tenant.Id);
            run.ReposOk.ShouldBe(day is (>= 20 and < 25) or (>= 30 and < 50) ? 1 : 2, $"day {day}: " + await harness.ErrorsAsync(run.Id));

            if (day is >= 30 and < 50)
            {
                horizons.Add(CollectionHorizon.Of(await harness.Repositories.GetAsync(tenant.Id, @long.Id), start.AddDays(day), 7).State);
            }

            // Today is partial when read, and complete once tomorrow's read covers it whole.
            if (day is 0 or 1)
            {
                var point = (await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, brief.Id, new DateRange(start, start), TrafficPeriod.Day)).Points.ShouldHaveSingleItem();
                point.Coverage.ShouldBe(day == 0 ? DayCoverage.Partial : DayCoverage.Complete);
            }
        }

        // While long went unread: fine for 6 days, at risk from the 7th, losing days from the 14th.
        horizons.ShouldBe([.. Enumerable.Repeat(HorizonState.Fine, 6), .. Enumerable.Repeat(HorizonState.AtRisk, 7), .. Enumerable.Repeat(HorizonState.LosingDays, 7)]);

        var first = start.AddDays(-12);
        var last = start.AddDays(58);
        var briefSeries = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, brief.Id, new DateRange(first, last), TrafficPeriod.Day);
        var briefTruth = harness.Simulator.Repository("octo", "brief");
        briefSeries.Points.ShouldAllBe(p => p.Coverage == DayCoverage.Complete);
        briefSeries.Points.Select(p => p.Views).ShouldBe(briefSeries.Points.Select(p => (long)briefTruth.DayTruth(p.Date).Views));

        // The last read before the outage saw day 29 as today, the first after it saw day 37 as its oldest day; the
        // seven days between left GitHub's window unread.
        var longSeries = (await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, @long.Id, new DateRange(first, last), TrafficPeriod.Day)).Points;
        var longTruth = harness.Simulator.Repository("octo", "long");
        longSeries.Where(p => p.Coverage == DayCoverage.NotCollected).Select(p => p.Date)
            .ShouldBe(Enumerable.Range(30, 7).Select(d => start.AddDays(d)));
        longSeries.Where(p => p.Coverage == DayCoverage.Partial).Select(p => p.Date).ShouldBe([start.AddDays(29), start.AddDays(37)]);
        foreach (var point in longSeries.Where(p => p.Coverage == DayCoverage.Complete))
        {
            point.Views.ShouldBe(longTruth.DayTruth(point.Date).Views, $"{point.Date}");
        }

        foreach (var point in longSeries.Where(p => p.Coverage == DayCoverage.Partial))
        {
            point.Views.ShouldBeLessThanOrEqualTo(longTruth.DayTruth(point.Date).Views, $"{point.Date}");
        }

        (await harness.Repositories.GetAsync(tenant.Id, @long.Id)).LastDailyReadOn.ShouldBe(start.AddDays(59));
    }

    [Fact]
    public async Task ARepositoryWithoutPushAccess_IsRecorded_AndTheOthersAreStored()
    {
        var (harness, tenant, _) = await SetUpAsync(canPushTo: ["octo/mine", "octo/ours"]);
        foreach (var name in new[] { "mine", "ours", "theirs" })
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length);
            await harness.Repositories.AddAsync(tenant.Id, "octo", name);
        }

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        run.ReposOk.ShouldBe(2);
        run.ReposFailed.ShouldBe(1);
        var error = (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem();
        error.Kind.ShouldBe(CollectionErrorKind.NoPushAccess);
        error.Message.ShouldContain("push access");
        var repositories = await harness.Repositories.ListAsync(tenant.Id);
        repositories.Single(r => r.Name == "theirs").LastStatus.ShouldBe("NoPushAccess");
        repositories.Single(r => r.Name == "mine").LastStatus.ShouldBe("ok");
        var summary = await harness.Traffic.GetTenantSummaryAsync(tenant.Id, new DateRange(DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-13), DateOnly.FromDateTime(Start.UtcDateTime)));
        summary.Single(s => s.Repository.Name == "mine").Totals.Views.ShouldBeGreaterThan(0);
        summary.Single(s => s.Repository.Name == "theirs").Totals.Views.ShouldBe(0);
    }

    [Fact]
    public async Task ARevokedToken_MarksItsConnectionsRepositoriesOnce_WithoutARetryStorm()
    {
        var (harness, tenant, token) = await SetUpAsync();
        for (var i = 0; i < 20; i++)
        {
            harness.Simulator.AddRepository("octo", "repo" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "repo" + i);
        }

        harness.Simulator.RevokeToken(token);
        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        run.ReposFailed.ShouldBe(20);
        var errors = await harness.Runs.ListErrorsAsync(run.Id);
        errors.Count.ShouldBe(20);
        errors.ShouldAllBe(e => e.Kind == CollectionErrorKind.Unauthorized);
        errors.Select(e => e.RepositoryId).Distinct().Count().ShouldBe(20);

        // At most one refused call per repository collected at the same moment; the rest never called GitHub.
        harness.Simulator.Stats.RequestsFor(token).ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task ASecretFromAnotherDatabasesKeyRing_RefusesOnlyItsConnection_WithoutAskingGitHub()
    {
        var (harness, tenant, goodToken) = await SetUpAsync();
        var good = (await harness.Services.GetRequiredService<IConnectionStore>().ListAsync(tenant.Id)).Single();
        var strangerToken = harness.Simulator.AddToken(canPushTo: ["*"]);
        var stranger = await harness.Services.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenant.Id, "restored from another installation", GitHubConnectionKind.PersonalAccessToken, harness.Simulator.BaseAddress,
            await ForeignKeyRing.ProtectAsync(strangerToken)));
        var undecryptable = new List<TrackedRepository>();
        for (var i = 0; i < 5; i++)
        {
            harness.Simulator.AddRepository("octo", "foreign" + i, seed: i);
            undecryptable.Add(await harness.Repositories.AddAsync(tenant.Id, "octo", "foreign" + i, stranger.Id));
        }

        harness.Simulator.AddRepository("octo", "home", seed: 99);
        var home = await harness.Repositories.AddAsync(tenant.Id, "octo", "home", good.Id);
        harness.SetNow(Start);

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(1);
        run.ReposFailed.ShouldBe(5);
        var errors = await harness.Runs.ListErrorsAsync(run.Id);
        errors.Select(e => e.RepositoryId).ShouldBe(undecryptable.Select(r => (long?)r.Id), ignoreOrder: true);
        errors.ShouldAllBe(e => e.Kind == CollectionErrorKind.Unauthorized && e.Message.Contains("cannot be decrypted", StringComparison.Ordinal));
        errors.Select(e => e.Message).Distinct().ShouldHaveSingleItem("one refusal for the connection, recorded on each of its repositories");
        (await harness.Repositories.GetAsync(tenant.Id, home.Id)).ShouldNotBeNull().LastStatus.ShouldBe("ok");
        harness.Simulator.Stats.RequestsFor(strangerToken).ShouldBe(0, "GitHub is never asked with a secret that cannot be read");
        harness.Simulator.Stats.RequestsFor(goodToken).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnExhaustedRateLimit_PausesUntilTheReset_AndThenCompletes()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { PrimaryResetAfter = TimeSpan.FromSeconds(3) });
        var (harness, tenant, token) = await SetUpAsync(simulator, rateLimit: 8);
        for (var i = 0; i < 3; i++)
        {
            harness.Simulator.AddRepository("octo", "limited" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "limited" + i);
        }

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(3);
        harness.Simulator.Stats.RequestsFor(token).ShouldBeGreaterThan(8);
        (await harness.Runs.ListErrorsAsync(run.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ABudgetShortOfEveryDailyRead_GoesToViewsAndClonesFirst_AndTheDailyReadsFollowInLaterRuns()
    {
        // GitHub's window and GhStats share one calendar, so moving it an hour resets the limit as the hour would.
        var clock = new CalendarClock(Start);
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { WallClock = clock });
        var harness = Track(new CollectorHarness(Database, simulator, clock, o =>
        {
            o.StarBackfillPagesPerRun = 0;
            o.MaxConcurrency = 1;
            o.GraphQLBatchSize = 0;
        }));
        var tenant = await harness.NewTenantAsync();
        var token = simulator.AddToken(rateLimit: 20, canPushTo: ["*"]);
        await harness.AddTokenConnectionAsync(tenant.Id, token);
        for (var i = 0; i < 5; i++)
        {
            simulator.AddRepository("octo", "first" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "first" + i);
        }

        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        // The first repository, before any answer told the limit, reads everything (8 calls: counters, views, clones,
        // referrers, paths, two weekly figures, releases); then 12 left cannot cover another's 6 slow calls and 2 for each
        // of the four left, so those four read views and clones only. Nobody misses their views; nothing is deferred.
        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(5);
        simulator.Stats.RequestsFor(token).ShouldBe(8 + (4 * 2));
        simulator.Stats.PrimaryLimitHits.ShouldBe(0);
        (await harness.Runs.ListErrorsAsync(run.Id)).ShouldBeEmpty("no repository was deferred");
        var afterFirst = await harness.Repositories.ListAsync(tenant.Id);
        afterFirst.ShouldAllBe(r => r.LastDailyReadOn == today, "every repository's views and clones were read");
        afterFirst.Count(r => r.DailyCollectedOn == today).ShouldBe(1);
        afterFirst.Count(r => r.WeeklyCollectedOn == today).ShouldBe(1);
        foreach (var repository in afterFirst)
        {
            // The window's whole days (its oldest, half slid out at noon, is completed from the weekly figures, not read yet).
            var truth = simulator.Repository(repository.Owner, repository.Name);
            var series = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today.AddDays(-12), today.AddDays(-1)), TrafficPeriod.Day);
            series.Totals.Views.ShouldBe(Enumerable.Range(1, 12).Sum(i => (long)truth.DayTruth(today.AddDays(-i)).Views));
        }

        // An hour later, a fresh limit: the repositories whose daily reads wait go first, and take what the hour spares.
        // (The calendar stays on the same UTC day.)
        var postponed = afterFirst.Where(r => r.DailyCollectedOn != today).Select(r => r.Id).ToHashSet();
        var hoursLater = 0;
        while (postponed.Count > 0)
        {
            hoursLater++;
            hoursLater.ShouldBeLessThanOrEqualTo(4, "the daily reads of four repositories fit the spare calls of a few hours");
            simulator.Stats.Reset();
            // A little over an hour apart: a window resets an hour after its first request, a moment after its run started.
            harness.SetNow(Start.AddMinutes(65 * hoursLater));
            var later = await harness.CollectAsync(tenant.Id);
            later.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(later.Id));
            later.ReposOk.ShouldBe(5, "every run reads every repository's views and clones");
            simulator.Stats.PrimaryLimitHits.ShouldBe(0, "the hour's limit was never run into");
            var done = (await harness.Repositories.ListAsync(tenant.Id)).Where(r => r.DailyCollectedOn == today).Select(r => r.Id).ToHashSet();
            postponed.Overlaps(done).ShouldBeTrue("each hour completes at least one waiting repository's daily reads");
            postponed.ExceptWith(done);
        }

        (await harness.Repositories.ListAsync(tenant.Id)).ShouldAllBe(r => r.DailyCollectedOn == today && r.WeeklyCollectedOn == today);
    }

    [Fact]
    public async Task ASpentRateLimit_DefersTheRestOfItsLane_InDeadlineOrder_WithoutFailingTheRun()
    {
        // An hour-long reset (the simulator's default) is longer than the collector waits (60 s): what the budget cannot
        // cover waits for the next run. The two repositories read yesterday were added first; the two never read go first.
        var (harness, tenant, token) = await SetUpAsync(rateLimit: 9, configure: o =>
        {
            o.StarBackfillPagesPerRun = 0;
            o.MaxConcurrency = 1;

            // The count below is of REST requests, the limit this test spends.
            o.GraphQLBatchSize = 0;
        });
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var readYesterday = new List<TrackedRepository>();
        foreach (var name in new[] { "read-a", "read-b" })
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length);
            var repository = await harness.Repositories.AddAsync(tenant.Id, "octo", name);
            await harness.Traffic.MergeTrafficWindowAsync(new TrafficWindow(repository.Id, today.AddDays(-14), today.AddDays(-1), [], today.AddDays(-1)));
            readYesterday.Add(repository);
        }

        var neverRead = new List<TrackedRepository>();
        foreach (var name in new[] { "new-c", "new-d" })
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length + 10);
            neverRead.Add(await harness.Repositories.AddAsync(tenant.Id, "octo", name));
        }

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(1);
        run.ReposFailed.ShouldBe(0);
        harness.Simulator.Stats.RequestsFor(token).ShouldBe(9, "nothing is asked of GitHub once its limit is spent");
        var repositories = await harness.Repositories.ListAsync(tenant.Id);
        repositories.Single(r => r.Id == neverRead[0].Id).LastStatus.ShouldBe("ok", "the repository read longest ago (never) goes first");
        repositories.Where(r => r.Id != neverRead[0].Id).ShouldAllBe(r => r.LastStatus == null);
        var error = (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem();
        error.Kind.ShouldBe(CollectionErrorKind.RateLimited);
        error.RepositoryId.ShouldBeNull();
        error.Message.ShouldStartWith("3 of 4 repositories of GitHub connection");
        error.Message.ShouldContain("deferred to the next run");
    }

    [Fact]
    public async Task EachConnection_IsALane_WithItsOwnPlaces_WithinTheRunsPlaces()
    {
        // Two connections of one tenant, four repositories each: each lane collects at most two at once, the run at most four.
        var (harness, tenant, slowToken) = await SetUpAsync(configure: o =>
        {
            o.StarBackfillPagesPerRun = 0;
            o.MaxConcurrency = 4;
            o.LaneConcurrency = 2;
        });
        var slow = (await harness.Services.GetRequiredService<IConnectionStore>().ListAsync(tenant.Id)).Single();
        var fastToken = harness.Simulator.AddToken(canPushTo: ["*"]);
        var fast = await harness.AddTokenConnectionAsync(tenant.Id, fastToken);
        for (var i = 0; i < 4; i++)
        {
            harness.Simulator.AddRepository("slow", "repo" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "slow", "repo" + i, slow.Id);
            harness.Simulator.AddRepository("fast", "repo" + i, seed: i + 20);
            await harness.Repositories.AddAsync(tenant.Id, "fast", "repo" + i, fast.Id);
        }

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(8);
        harness.Simulator.Stats.MaxConcurrentFor(slowToken).ShouldBeLessThanOrEqualTo(2, "a lane never holds more than its own places");
        harness.Simulator.Stats.MaxConcurrentFor(fastToken).ShouldBeLessThanOrEqualTo(2);
        harness.Simulator.Stats.MaxConcurrent.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task TransientServerErrors_AreRetried()
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddRepository("octo", "flaky", seed: 3);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "flaky");
        harness.Simulator.Faults.FailNext("traffic/views", 502, times: 2);
        harness.Simulator.Faults.FailNext("traffic/clones", 503, times: 1);

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        harness.Simulator.Stats.InjectedServerErrors.ShouldBe(3);
    }

    [Fact]
    public async Task PersistentServerErrors_AreRecordedAsTransient_AndTheRunGoesOn()
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddRepository("octo", "broken", seed: 3);
        harness.Simulator.AddRepository("octo", "fine", seed: 4);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "broken");
        await harness.Repositories.AddAsync(tenant.Id, "octo", "fine");
        harness.Simulator.Faults.AlwaysFail("octo/broken", 500);

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.ReposOk.ShouldBe(1);
        (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem().Kind.ShouldBe(CollectionErrorKind.Transient);
    }

    [Fact]
    public async Task TheSecondaryLimit_IsWaitedOut_WithRetryAfter()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions
        {
            MaxConcurrentRequests = 2,
            SecondaryRetryAfterSeconds = 1,
            Latency = TimeSpan.FromMilliseconds(100),
        });
        var (harness, tenant, _) = await SetUpAsync(simulator, configure: o => o.MaxConcurrency = 6);
        for (var i = 0; i < 6; i++)
        {
            harness.Simulator.AddRepository("octo", "busy" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "busy" + i);
        }

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        harness.Simulator.Stats.SecondaryLimitHits.ShouldBeGreaterThan(0);
        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposOk.ShouldBe(6);
    }

    [Fact]
    public async Task TwoSimultaneousTriggers_ProduceOneRun_InOneProcessAndAcrossTwo()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(50) });
        var (harness, tenant, _) = await SetUpAsync(simulator);
        harness.Simulator.AddRepository("octo", "once", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "once");
        var other = Track(new CollectorHarness(Database, simulator, harness.Clock));
        harness.SetNow(Start);

        var request = new CollectionRequest(CollectionTrigger.Cron, "cron", tenant.Id);
        var runs = await Task.WhenAll(
            harness.Collection.StartAsync(request),
            harness.Collection.StartAsync(request),
            other.Collection.StartAsync(request),
            other.Collection.StartAsync(request));

        runs.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        (await harness.Collection.WaitAsync(runs[0].Id))!.Status.ShouldBe(CollectionRunStatus.Succeeded);
    }

    [Fact]
    public async Task CancellingMidRun_KeepsWhatWasStored_AndMarksTheRun()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(150) });
        var (harness, tenant, _) = await SetUpAsync(simulator, configure: o => o.MaxConcurrency = 2);
        for (var i = 0; i < 12; i++)
        {
            harness.Simulator.AddRepository("octo", "slow" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "slow" + i);
        }

        harness.SetNow(Start);
        var run = await harness.Collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test", tenant.Id));
        while ((await harness.Runs.FindAsync(run.Id))!.ReposOk < 2)
        {
            await Task.Delay(50);
        }

        await harness.Service.StopAsync(CancellationToken.None);

        var finished = (await harness.Runs.FindAsync(run.Id))!;
        finished.Status.ShouldBe(CollectionRunStatus.Cancelled);
        finished.ReposOk.ShouldBeGreaterThanOrEqualTo(2);
        finished.ReposOk.ShouldBeLessThan(12);
        var collected = (await harness.Repositories.ListAsync(tenant.Id)).Where(r => r.LastStatus == "ok").ToList();
        collected.Count.ShouldBe(finished.ReposOk);
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        foreach (var repository in collected)
        {
            var truth = harness.Simulator.Repository(repository.Owner, repository.Name);
            var series = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today.AddDays(-13), today.AddDays(-1)), TrafficPeriod.Day);
            series.Totals.Views.ShouldBe(Enumerable.Range(1, 13).Sum(i => (long)truth.DayTruth(today.AddDays(-i)).Views));
        }
    }

    [Fact]
    public async Task CancellingARunThatWaitsOutAnHourLongReset_EndsIt_AndKeepsWhatWasStored()
    {
        // GitHub's default: the primary limit resets an hour after a window's first request; an operator who lets the collector wait 65 minutes.
        var (harness, tenant, token) = await SetUpAsync(rateLimit: 10, configure: o =>
        {
            // The call count below is the traffic collection's; the star backfill would add its pages.
            o.StarBackfillPagesPerRun = 0;
            o.MaxConcurrency = 1;
            o.MaxRateLimitWait = TimeSpan.FromMinutes(65);
            o.GraphQLBatchSize = 0;
        });
        for (var i = 0; i < 3; i++)
        {
            harness.Simulator.AddRepository("octo", "reset" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "reset" + i);
        }

        harness.SetNow(Start);
        var run = await harness.Collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test", tenant.Id));

        // The first repository takes seven calls; the second, with 3 left for two repositories, only its views and clones;
        // the third's views answer X-RateLimit-Remaining 0 with a reset an hour away, so the connection waits for the reset
        // before its next call.
        for (var i = 0; i < 600 && ((await harness.Runs.FindAsync(run.Id))!.ReposOk < 2 || harness.Simulator.Stats.RequestsFor(token) < 10); i++)
        {
            await Task.Delay(50);
        }

        harness.Simulator.Stats.RequestsFor(token).ShouldBe(10);
        await Task.Delay(200);
        harness.Simulator.Stats.RequestsFor(token).ShouldBe(10);
        (await harness.Runs.FindAsync(run.Id))!.Status.ShouldBe(CollectionRunStatus.Running);

        // A wait that ignored the run's token would hold the stop for the hour (or for Octokit's own 100-second timeout).
        await harness.Service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var finished = (await harness.Runs.FindAsync(run.Id))!;
        finished.Status.ShouldBe(CollectionRunStatus.Cancelled);
        finished.ReposOk.ShouldBe(2);
        finished.ReposFailed.ShouldBe(0);
        (await harness.Runs.ListErrorsAsync(run.Id)).ShouldBeEmpty();
        harness.Simulator.Stats.RequestsFor(token).ShouldBe(10);
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var collected = (await harness.Repositories.ListAsync(tenant.Id)).Where(r => r.LastStatus == "ok").ToList();
        collected.Count.ShouldBe(2);
        collected.Count(r => r.DailyCollectedOn == today).ShouldBe(1, "the second repository's daily reads wait for a later run");
        foreach (var repository in collected)
        {
            var truth = harness.Simulator.Repository(repository.Owner, repository.Name);
            var series = await harness.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today.AddDays(-13), today.AddDays(-1)), TrafficPeriod.Day);
            series.Totals.Views.ShouldBe(Enumerable.Range(1, 13).Sum(i => (long)truth.DayTruth(today.AddDays(-i)).Views));
        }
    }

    [Fact]
    public async Task AHandlerTheHostAddsToTheNamedClient_SeesEveryRequestToGitHub()
    {
        var seen = new RequestTally();
        var simulator = await StartSimulatorAsync();
        var harness = Track(new CollectorHarness(Database, simulator, new CalendarClock(Start), services: services =>
        {
            services.AddSingleton(seen);
            services.AddTransient<TallyHandler>();
            services.AddHttpClient(GitHubCollectorOptions.HttpClientName).AddHttpMessageHandler<TallyHandler>();
        }));
        var tenant = await harness.NewTenantAsync();
        await harness.AddTokenConnectionAsync(tenant.Id, simulator.AddToken(canPushTo: "*"));
        simulator.AddRepository("octo", "proxied", seed: 2);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "proxied");
        simulator.Faults.FailNext("traffic/views", 502, times: 1);

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        seen.Count.ShouldBe(simulator.Stats.TotalRequests);
        seen.Count.ShouldBe(run.ApiCalls);

        // The host's handler runs below GhStats' authentication: it sees the credentials, and each retry.
        seen.WithoutCredentials.ShouldBe(0);
        simulator.Stats.InjectedServerErrors.ShouldBe(1);
    }

    [Fact]
    public async Task ARunWhoseProcessDied_IsMarkedAbandonedByTheNext()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var crashed = await harness.Runs.StartAsync(CollectionTrigger.Cron, "a process that died");

        harness.SetNow(Start);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        (await harness.Runs.FindAsync(crashed.Id))!.Status.ShouldBe(CollectionRunStatus.Abandoned);
    }

    [Fact]
    public async Task OwnerWideTracking_DiscoversNewRepositories_HonouringItsFilters()
    {
        var (harness, tenant, _) = await SetUpAsync(canPushTo: ["acme/*"]);
        harness.Simulator.AddOwner("acme", SimulatedOwnerType.Organization);
        harness.Simulator.AddRepository("acme", "api-core", seed: 1);
        harness.Simulator.AddRepository("acme", "api-fork", seed: 2, r => r.Fork = true);
        harness.Simulator.AddRepository("acme", "api-old", seed: 3, r => r.Archived = true);
        harness.Simulator.AddRepository("acme", "api-archive", seed: 4);
        harness.Simulator.AddRepository("acme", "web", seed: 5);
        harness.Simulator.AddRepository("acme", "api-dropped", seed: 6);
        var dropped = await harness.Repositories.AddAsync(tenant.Id, "acme", "api-dropped");
        await harness.Repositories.RemoveAsync(tenant.Id, dropped.Id);
        await harness.Owners.AddAsync(new NewTrackedOwner(tenant.Id, "acme", Include: "api-*", Exclude: "*-archive", SkipForks: true, SkipArchived: true));

        harness.SetNow(Start);
        var first = await harness.CollectAsync(tenant.Id);
        harness.Simulator.AddRepository("acme", "api-new", seed: 7);
        var second = await harness.CollectAsync(tenant.Id);

        first.ReposTotal.ShouldBe(1, await harness.ErrorsAsync(first.Id));
        second.ReposTotal.ShouldBe(2);
        (await harness.Repositories.ListAsync(tenant.Id)).Select(r => r.Name).Order().ShouldBe(["api-core", "api-new"]);
        second.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(second.Id));
    }

    [Fact]
    public async Task AGitHubApp_GetsAnInstallationToken_AndRefreshesItBeforeItExpires()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(100) });
        var clock = new CalendarClock(DateTimeOffset.UtcNow);
        var harness = Track(new CollectorHarness(Database, simulator, clock, o => o.MaxConcurrency = 1));
        var tenant = await harness.NewTenantAsync();
        using var key = RSA.Create(2048);
        var app = simulator.AddApp(4242, key.ExportRSAPublicKeyPem(), 99, "octo/*");

        // Tokens that live 5 minutes and 1 second are refreshed once less than 5 minutes remain: after a second.
        app.TokenLifetime = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        await harness.AddAppConnectionAsync(tenant.Id, 4242, key.ExportRSAPrivateKeyPem(), 99);
        for (var i = 0; i < 4; i++)
        {
            simulator.AddRepository("octo", "app" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "app" + i);
        }

        simulator.Clock.Set(DateTimeOffset.UtcNow);
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        app.TokensIssued.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task TheSchedule_StartsRuns_AtItsOccurrences()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => o.Schedule = "*/1 * * * * *");
        harness.Simulator.AddRepository("octo", "scheduled", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "scheduled");
        harness.SetNow(Start);
        var schedule = harness.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Collection.CollectionSchedule>().Single();

        await schedule.StartAsync(CancellationToken.None);
        CollectionRun? scheduled = null;
        for (var i = 0; i < 100 && scheduled is null; i++)
        {
            await Task.Delay(100);
            scheduled = (await harness.Runs.ListAsync(1000)).FirstOrDefault(r => r.Trigger == CollectionTrigger.Schedule);
        }

        await schedule.StopAsync(CancellationToken.None);
        scheduled.ShouldNotBeNull();
        scheduled.RequestedBy.ShouldBe("schedule");
        (await harness.Collection.WaitAsync(scheduled.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task TheSchedule_RecordsEachRunInTheAuditLog_WithGhStatsAsTheActor()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => o.Schedule = "*/1 * * * * *");
        harness.Simulator.AddRepository("octo", "audited", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "audited");
        harness.SetNow(Start);
        var audit = harness.Services.GetRequiredService<IAuditStore>();
        var schedule = harness.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Collection.CollectionSchedule>().Single();

        await schedule.StartAsync(CancellationToken.None);
        AuditEntry? recorded = null;
        for (var i = 0; i < 100 && recorded is null; i++)
        {
            await Task.Delay(100);
            recorded = (await audit.ListAsync(new AuditQuery(null, null, null, AuditActions.CollectionStarted, null, null), 50))
                .FirstOrDefault(e => e.Actor.Kind == AuditActorKind.System);
        }

        await schedule.StopAsync(CancellationToken.None);
        recorded.ShouldNotBeNull();
        recorded.Actor.Name.ShouldBe("schedule");
        recorded.Actor.UserId.ShouldBeNull();
        recorded.Target.ShouldNotBeNull().Kind.ShouldBe("run");
        var run = (await harness.Runs.ListAsync(1000)).Single(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == recorded.Target!.Id);
        run.Trigger.ShouldBe(CollectionTrigger.Schedule);
        recorded.Details.ShouldNotBeNull().ShouldStartWith("trigger=schedule status=");
        (await harness.Collection.WaitAsync(run.Id)).ShouldNotBeNull();
    }

    private async Task<GitHubSimulator> StartSimulatorAsync(GitHubSimulatorOptions? options = null) =>
        Track(await GitHubSimulator.StartAsync(options ?? new GitHubSimulatorOptions()));

    private async Task<(CollectorHarness Harness, Tenant Tenant, string Token)> SetUpAsync(
        GitHubSimulator? simulator = null,
        int rateLimit = 5000,
        string[]? canPushTo = null,
        Action<GitHubCollectorOptions>? configure = null)
    {
        simulator ??= await StartSimulatorAsync();
        var harness = Track(new CollectorHarness(Database, simulator, new CalendarClock(Start), configure));
        var tenant = await harness.NewTenantAsync();
        var token = simulator.AddToken(rateLimit: rateLimit, canPushTo: canPushTo ?? ["*"]);
        await harness.AddTokenConnectionAsync(tenant.Id, token);
        return (harness, tenant, token);
    }

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private sealed class RequestTally
    {
        private long _count;
        private long _withoutCredentials;

        public long Count => Interlocked.Read(ref _count);

        public long WithoutCredentials => Interlocked.Read(ref _withoutCredentials);

        public void Saw(HttpRequestMessage request)
        {
            Interlocked.Increment(ref _count);
            if (request.Headers.Authorization is null)
            {
                Interlocked.Increment(ref _withoutCredentials);
            }
        }
    }

    /// <summary>A handler a host adds to the GitHub client (as it would a proxy's or its own logging).</summary>
    private sealed class TallyHandler(RequestTally tally) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            tally.Saw(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
