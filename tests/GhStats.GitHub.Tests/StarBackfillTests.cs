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
/// The star history backfill against the GitHub simulator's stargazers list, storing through the real store: what it
/// stores equals the simulator's truth, it resumes where it stopped, keeps what it read when GitHub limits the list, and
/// runs once per repository.
/// </summary>
public abstract class StarBackfillTests(StoreDatabaseFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);

    private readonly List<IAsyncDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task Backfill_StoresTheStarHistoryBeforeTracking_EqualToTheSimulatorsTruth()
    {
        var (harness, tenant, simulated, repository) = await SetUpAsync(stars: 250);

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var history = await Stars(harness).GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(Today.AddYears(-15), Today));
        history.Backfill.ShouldNotBeNull().State.ShouldBe(StarBackfillState.Complete);
        history.Backfill.StarsRead.ShouldBe(250);
        history.TrackingFrom.ShouldBe(Today);
        ShouldEqualTruth(history, simulated, Today.AddDays(-1));
        simulated.StarsEverGiven.ShouldBeGreaterThan(simulated.Stars, "some stars were taken back: the list, and so the backfill, is a lower bound");
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Stargazers).ShouldBe(3);
    }

    [Fact]
    public async Task Backfill_ReadsAtMostItsPagesPerRun_AndResumesWhereItStopped_AfterAFailure()
    {
        var (harness, tenant, simulated, repository) = await SetUpAsync(stars: 550, configure: o => o.StarBackfillPagesPerRun = 2);
        var store = Stars(harness);

        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        (await store.GetBackfillAsync(repository.Id)).ShouldNotBeNull().ShouldSatisfyAllConditions(
            b => b.State.ShouldBe(StarBackfillState.InProgress), b => b.NextPage.ShouldBe(3), b => b.StarsRead.ShouldBe(200));

        // The backfill goes on once a day, with the daily reads. Page 3 fails through every retry: the repository's
        // collection stands, and the backfill waits where it was.
        harness.SetNow(Start.AddDays(1));
        harness.Simulator.Faults.FailNext("/stargazers", 502, times: 4);
        var failed = await harness.CollectAsync(tenant.Id);
        failed.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(failed.Id));
        (await store.GetBackfillAsync(repository.Id)).ShouldNotBeNull().ShouldSatisfyAllConditions(
            b => b.State.ShouldBe(StarBackfillState.InProgress), b => b.NextPage.ShouldBe(3), b => b.StarsRead.ShouldBe(200));
        harness.Simulator.Faults.Clear();

        harness.SetNow(Start.AddDays(2));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        (await store.GetBackfillAsync(repository.Id)).ShouldNotBeNull().NextPage.ShouldBe(5);
        harness.SetNow(Start.AddDays(3));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);

        var history = await store.GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(Today.AddYears(-15), Today));
        history.Backfill.ShouldNotBeNull().State.ShouldBe(StarBackfillState.Complete);
        history.Backfill.StarsRead.ShouldBe(550);
        ShouldEqualTruth(history, simulated, Today.AddDays(-1));
    }

    [Fact]
    public async Task Backfill_PastGitHubsPaginationLimit_KeepsWhatWasRead_AndMarksTheSeriesAsLimited()
    {
        var simulator = Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { StargazerListLimit = 300 }));
        var (harness, tenant, simulated, repository) = await SetUpAsync(stars: 1000, simulator: simulator);

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        run.ReposFailed.ShouldBe(0);
        (await harness.Repositories.GetAsync(tenant.Id, repository.Id)).ShouldNotBeNull().LastStatus.ShouldBe("ok");
        var history = await Stars(harness).GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(Today.AddYears(-15), Today));
        var backfill = history.Backfill.ShouldNotBeNull();
        backfill.State.ShouldBe(StarBackfillState.Limited);
        backfill.StarsRead.ShouldBe(300);
        backfill.LimitReason.ShouldNotBeNull().ShouldContain("422");
        backfill.KnownThrough.ShouldBe(DateOnly.FromDateTime(simulated.Stargazers[299].StarredAt.UtcDateTime));
        history.Days[^1].Day.ShouldBe(backfill.KnownThrough!.Value, "a limited series ends with the newest star read");
        ShouldEqualTruth(history, simulated, backfill.KnownThrough.Value);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Stargazers).ShouldBe(4);
    }

    [Fact]
    public async Task Backfill_RunsOncePerRepository()
    {
        var (harness, tenant, _, repository) = await SetUpAsync(stars: 120);
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        var done = await Stars(harness).GetBackfillAsync(repository.Id);
        harness.Simulator.Stats.Reset();

        harness.SetNow(Start.AddDays(1));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);

        harness.Simulator.Stats.Requests(SimulatedEndpoint.Stargazers).ShouldBe(0);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.GraphQL).ShouldBe(1, "the counters, star count included, are read with GraphQL");
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(0);
        (await Stars(harness).GetBackfillAsync(repository.Id)).ShouldBe(done);
    }

    [Fact]
    public async Task Backfill_ATokenGitHubRefuses_MarksTheSeriesLimited_WithoutFailingTheRepository()
    {
        var (harness, tenant, _, repository) = await SetUpAsync(stars: 120);
        harness.Simulator.Faults.FailNext("/stargazers", 403);

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var history = await Stars(harness).GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(Today.AddYears(-15), Today));
        history.Backfill.ShouldNotBeNull().State.ShouldBe(StarBackfillState.Limited);
        history.Backfill.StarsRead.ShouldBe(0);
        history.Backfill.LimitReason.ShouldNotBeNull().ShouldContain("403");
        history.Days.ShouldBeEmpty();
    }

    private static void ShouldEqualTruth(StarHistory history, SimulatedRepository simulated, DateOnly through)
    {
        var first = DateOnly.FromDateTime(simulated.Stargazers[0].StarredAt.UtcDateTime);
        history.Days[0].Day.ShouldBe(first);
        history.Days[^1].Day.ShouldBe(through);
        history.Days.Count.ShouldBe(through.DayNumber - first.DayNumber + 1);
        foreach (var day in history.Days)
        {
            day.Stars.ShouldBe(simulated.StarsAt(day.Day), $"stars on {day.Day:yyyy-MM-dd}");
        }
    }

    private static IStarHistoryStore Stars(CollectorHarness harness) => harness.Services.GetRequiredService<IStarHistoryStore>();

    private async Task<(CollectorHarness Harness, Tenant Tenant, SimulatedRepository Simulated, TrackedRepository Repository)> SetUpAsync(
        int stars, GitHubSimulator? simulator = null, Action<GitHubCollectorOptions>? configure = null)
    {
        simulator ??= Track(await GitHubSimulator.StartAsync());
        var harness = Track(new CollectorHarness(database, simulator, new CalendarClock(Start), configure));
        harness.SetNow(Start);
        var tenant = await harness.NewTenantAsync();
        await harness.AddTokenConnectionAsync(tenant.Id, simulator.AddToken(canPushTo: ["*"]));

        // Stars up to a week before tracking starts, so the backfill has days to fill.
        var simulated = simulator.AddRepository("octo", "stars" + stars, seed: stars, r =>
        {
            r.Stars = stars;
            r.StarredUntil = Start.AddDays(-7);
        });
        return (harness, tenant, simulated, await harness.Repositories.AddAsync(tenant.Id, "octo", simulated.Name));
    }

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
