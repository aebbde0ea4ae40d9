using System.Diagnostics;
using System.Diagnostics.Metrics;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.GitHub.Collection;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using GhStats.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>
/// What a collection run records on GhStats' meter and activity source, heard through a real MeterListener and
/// ActivityListener while the collector runs against the GitHub simulator. Telemetry does not depend on the store: SQLite only.
/// </summary>
public sealed class CollectorTelemetryTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 1, 10, 12, 0, 0, TimeSpan.Zero);
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
    public async Task ARun_IsOneSpan_WithASpanPerRepository_AndTheGitHubCallsBeneathThem()
    {
        var (harness, tenant, token) = await SetUpAsync(canPushTo: ["*"]);
        string[] names = ["alpha", "beta", "gamma"];
        foreach (var name in names)
        {
            harness.Simulator.AddRepository("octo", name, seed: name.Length);
            await harness.Repositories.AddAsync(tenant.Id, "octo", name);
        }

        using var spans = new SpanRecorder();
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var runSpan = spans.Run(run.Id);
        runSpan.ParentSpanId.ShouldBe(default, "a run is a trace of its own");
        runSpan.GetTagItem("ghstats.run.trigger").ShouldBe("manual");
        runSpan.GetTagItem("ghstats.tenant.id").ShouldBe(tenant.Id);
        runSpan.GetTagItem("ghstats.run.status").ShouldBe("succeeded");
        runSpan.Status.ShouldBe(ActivityStatusCode.Unset);

        var repositorySpans = spans.Trace(runSpan, GhStatsTelemetry.Spans.CollectRepository);
        repositorySpans.Select(s => s.GetTagItem("ghstats.repository")).ShouldBe(names.Select(n => "octo/" + n), ignoreOrder: true);
        repositorySpans.ShouldAllBe(s => s.ParentSpanId == runSpan.SpanId);
        repositorySpans.ShouldAllBe(s => Equals(s.GetTagItem("ghstats.repository.outcome"), "ok") && s.GetTagItem("ghstats.repository.failure_kind") == null);

        // Every request the simulator answered is a call span, beneath the repository it was made for.
        var calls = spans.Trace(runSpan, GhStatsTelemetry.Spans.GitHubCall);
        calls.Count.ShouldBe((int)harness.Simulator.Stats.RequestsFor(token));
        calls.Count.ShouldBe(run.ApiCalls);
        var repositorySpanIds = repositorySpans.Select(s => s.SpanId).ToHashSet();
        calls.ShouldAllBe(c => repositorySpanIds.Contains(c.ParentSpanId));
        var byRepository = calls.ToLookup(c => c.ParentSpanId);
        foreach (var repositorySpan in repositorySpans)
        {
            byRepository[repositorySpan.SpanId].Select(c => c.GetTagItem("ghstats.github.endpoint"))
                .ShouldContain("/repos/{owner}/{repo}/traffic/views", $"{repositorySpan.GetTagItem("ghstats.repository")}'s calls");
        }
    }

    [Fact]
    public async Task ARun_IsCounted_WithEachRepositorysOutcome_AndTheKindOfEachFailure()
    {
        var (harness, tenant, _) = await SetUpAsync(canPushTo: ["octo/mine"]);
        harness.Simulator.AddRepository("octo", "mine", seed: 1);
        harness.Simulator.AddRepository("octo", "theirs", seed: 2);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "mine");
        await harness.Repositories.AddAsync(tenant.Id, "octo", "theirs");
        await harness.Repositories.AddAsync(tenant.Id, "octo", "gone");
        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());
        using var spans = new SpanRecorder();

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors, await harness.ErrorsAsync(run.Id));
        metrics.Of("ghstats.collection.runs.started").ShouldHaveSingleItem().Tag("trigger").ShouldBe("manual");
        var finished = metrics.Of("ghstats.collection.runs.finished").ShouldHaveSingleItem();
        (finished.Value, finished.Tag("status")).ShouldBe((1d, "completedwitherrors"));
        var duration = metrics.Of("ghstats.collection.run.duration").ShouldHaveSingleItem();
        duration.Tag("status").ShouldBe("completedwitherrors");
        duration.Value.ShouldBeGreaterThan(0);
        metrics.Of("ghstats.collection.repositories").Select(m => (m.Value, m.Tag("outcome"), m.Tag("kind")))
            .ShouldBe([(1d, "ok", null), (1d, "failed", "nopushaccess"), (1d, "failed", "notfound")], ignoreOrder: true);
        metrics.Of("ghstats.collection.leases.lost").ShouldBeEmpty();

        var runSpan = spans.Run(run.Id);
        runSpan.GetTagItem("ghstats.run.status").ShouldBe("completedwitherrors");
        runSpan.Status.ShouldBe(ActivityStatusCode.Unset, "a run that records its failed repositories has not failed");
        var repositorySpans = spans.Trace(runSpan, GhStatsTelemetry.Spans.CollectRepository).ToDictionary(s => (string)s.GetTagItem("ghstats.repository")!);
        repositorySpans.Keys.ShouldBe(["octo/mine", "octo/theirs", "octo/gone"], ignoreOrder: true);
        repositorySpans["octo/mine"].Status.ShouldBe(ActivityStatusCode.Unset);
        foreach (var (name, kind) in new[] { ("octo/theirs", "nopushaccess"), ("octo/gone", "notfound") })
        {
            var span = repositorySpans[name];
            span.GetTagItem("ghstats.repository.outcome").ShouldBe("failed", name);
            span.GetTagItem("ghstats.repository.failure_kind").ShouldBe(kind, name);
            span.Status.ShouldBe(ActivityStatusCode.Error, name);
        }
    }

    [Fact]
    public async Task ALaneAnotherProcessTakesMidRun_IsCountedAsLost_AndStopsThatLaneOnly()
    {
        var simulator = Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(150) }));

        // Progress every 2 seconds, the claim renewed every third of 10: the calendar moved past the lease lets another
        // process claim the lane before this one renews it.
        var (harness, tenant, _) = await SetUpAsync(simulator, ["*"], o =>
        {
            o.LeaseDuration = TimeSpan.FromSeconds(10);
            o.ProgressInterval = TimeSpan.FromSeconds(2);
            o.MaxConcurrency = 1;
        });
        for (var i = 0; i < 12; i++)
        {
            harness.Simulator.AddRepository("octo", "slow" + i, seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "octo", "slow" + i);
        }

        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());
        using var spans = new SpanRecorder();
        var lanes = harness.Services.GetRequiredService<ICollectionLaneStore>();
        var run = await harness.Collection.StartAsync(new CollectionRequest(CollectionTrigger.Cron, "cron", tenant.Id));
        for (var i = 0; i < 200 && (await lanes.ListAsync(run.Id)) is not [{ Status: CollectionLaneStatus.Running, Progress.ReposOk: >= 1 }]; i++)
        {
            await Task.Delay(50);
        }

        // Another process takes the lane, as it would once this one's claim had lapsed.
        harness.Clock.Advance(TimeSpan.FromSeconds(11));
        var taken = (await lanes.ClaimAsync(run.Id, "another-replica", TimeSpan.FromHours(1))).ShouldNotBeNull();
        for (var i = 0; i < 200 && metrics.Of("ghstats.collection.leases.lost").Count == 0; i++)
        {
            await Task.Delay(50);
        }

        metrics.Of("ghstats.collection.leases.lost").ShouldHaveSingleItem().Value.ShouldBe(1);
        var calls = harness.Simulator.Stats.TotalRequests;
        await Task.Delay(600);
        harness.Simulator.Stats.TotalRequests.ShouldBe(calls, "this process stopped collecting the lane it lost");
        (await harness.Runs.FindAsync(run.Id))!.Status.ShouldBe(CollectionRunStatus.Running, "the run goes on in the process holding the lane");

        // The other process completes the lane; this one, still in the run, finishes it.
        (await lanes.CompleteAsync(run.Id, taken.Key, "another-replica", taken.Progress with { ReposOk = 12 })).ShouldBeTrue();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var finished = (await harness.Collection.WaitAsync(run.Id, timeout.Token)).ShouldNotBeNull();

        finished.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        finished.ReposOk.ShouldBe(12);
        metrics.Of("ghstats.collection.runs.started").ShouldHaveSingleItem().Tag("trigger").ShouldBe("cron");
        metrics.Of("ghstats.collection.runs.finished").ShouldHaveSingleItem().Tag("status").ShouldBe("succeeded");
        spans.Run(run.Id).GetTagItem("ghstats.run.status").ShouldBe("succeeded");
        (await lanes.ListAsync(run.Id)).ShouldHaveSingleItem().Holder.ShouldBe("another-replica");
    }

    private Task<(CollectorHarness Harness, Tenant Tenant, string Token)> SetUpAsync(string[] canPushTo) => SetUpAsync(null, canPushTo);

    private async Task<(CollectorHarness Harness, Tenant Tenant, string Token)> SetUpAsync(
        GitHubSimulator? simulator,
        string[] canPushTo,
        Action<GitHubCollectorOptions>? configure = null)
    {
        simulator ??= Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions()));
        var harness = Track(new CollectorHarness(database, simulator, new CalendarClock(Start), configure));
        harness.SetNow(Start);
        var tenant = await harness.NewTenantAsync();
        var token = simulator.AddToken(canPushTo: canPushTo);
        await harness.AddTokenConnectionAsync(tenant.Id, token);
        return (harness, tenant, token);
    }

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
