using System.Collections.Concurrent;
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
/// Several collector replicas (each its own service provider, so its own holder, as separate processes are) sharing one
/// database collect one run's lanes at once, and take over the lane of a replica that died.
/// </summary>
public abstract class ReplicaTests(StoreDatabaseFixture database) : IAsyncLifetime
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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Replicas_CollectOneRunsLanesAtOnce_EachLaneAndRepositoryOnce(int replicaCount)
    {
        // Six connections of three repositories each: six lanes. Each replica has places for one lane at a time.
        var simulator = Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(40) }));
        var reads = new RepositoryReads();
        var clock = new CalendarClock(Start);
        var replicas = Enumerable.Range(0, replicaCount).Select(_ => Replica(simulator, clock, reads, o =>
        {
            o.MaxConcurrency = 2;
            o.LaneConcurrency = 2;
        })).ToList();
        var (tenant, names) = await SetUpLanesAsync(replicas[0], simulator, lanes: 6, perLane: 3);
        replicas[0].SetNow(Start);

        var request = new CollectionRequest(CollectionTrigger.Manual, "test", tenant.Id);
        var run = await replicas[0].Collection.StartAsync(request);
        foreach (var other in replicas.Skip(1))
        {
            (await other.Collection.StartAsync(request)).Id.ShouldBe(run.Id, "a replica that finds the run going joins it");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = await Task.WhenAll(replicas.Select(r => r.Collection.WaitAsync(run.Id, timeout.Token)));

        var finished = seen[0].ShouldNotBeNull();
        seen.ShouldAllBe(s => s != null && s.Status == finished.Status && s.ReposOk == finished.ReposOk);
        finished.Status.ShouldBe(CollectionRunStatus.Succeeded, await replicas[0].ErrorsAsync(run.Id));
        finished.ReposTotal.ShouldBe(18);
        finished.ReposOk.ShouldBe(18);
        finished.ReposFailed.ShouldBe(0);
        finished.ApiCalls.ShouldBe((int)simulator.Stats.TotalRequests, "the run's calls are the sum of its lanes'");

        var lanes = await replicas[0].Services.GetRequiredService<ICollectionLaneStore>().ListAsync(run.Id);
        lanes.Count.ShouldBe(6);
        lanes.ShouldAllBe(l => l.Status == CollectionLaneStatus.Done && l.Progress.ReposOk == 3 && l.Progress.RateLimit == 5000);
        lanes.Select(l => l.Holder).Distinct().Count().ShouldBe(replicaCount, "every replica collected a lane");
        reads.ViewsOf(names).ShouldAllBe(pair => pair.Value == 1, reads.Describe());
        (await replicas[0].Repositories.ListAsync(tenant.Id)).ShouldAllBe(r => r.LastStatus == "ok");
    }

    [Fact]
    public async Task AReplicaStoppedMidLane_HandsItsLaneOver_AndNothingIsLostOrReadTwice()
    {
        // One repository at a time per replica, so the one that dies has one repository in flight.
        var simulator = Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(120) }));
        var reads = new RepositoryReads();
        var clock = new CalendarClock(Start);
        Action<GitHubCollectorOptions> oneAtATime = o =>
        {
            o.MaxConcurrency = 1;
            o.LaneConcurrency = 1;
            o.LeaseDuration = TimeSpan.FromSeconds(10);
        };
        var doomed = new CollectorHarness(database, simulator, clock, oneAtATime, reads.Register);
        var survivor = Replica(simulator, clock, reads, oneAtATime);
        var (tenant, names) = await SetUpLanesAsync(survivor, simulator, lanes: 2, perLane: 5);
        survivor.SetNow(Start);

        var request = new CollectionRequest(CollectionTrigger.Manual, "test", tenant.Id);
        var run = await doomed.Collection.StartAsync(request);
        (await survivor.Collection.StartAsync(request)).Id.ShouldBe(run.Id);
        var laneStore = survivor.Services.GetRequiredService<ICollectionLaneStore>();

        // Both replicas hold a lane, and the doomed one has collected one repository of its own and started the next.
        IReadOnlyList<CollectionLaneState> lanes = [];
        for (var i = 0; i < 400; i++)
        {
            lanes = await laneStore.ListAsync(run.Id);
            if (lanes.Count == 2 && lanes.All(l => l.Status == CollectionLaneStatus.Running) && lanes.Select(l => l.Holder).Distinct().Count() == 2
                && lanes.Min(l => l.Progress.ReposOk) >= 1)
            {
                break;
            }

            await Task.Delay(25);
        }

        lanes.Select(l => l.Holder).Distinct().Count().ShouldBe(2, "each replica holds a lane");
        // Stopped abruptly: its work is cancelled and its provider torn down, with no lane given back.
        doomed.Service.Dispose();
        await doomed.DisposeAsync();
        var stoppedAt = clock.GetUtcNow();

        // The dead replica's claim lapses after the lease: move both calendars on rather than wait for it.
        survivor.SetNow(clock.GetUtcNow() + TimeSpan.FromSeconds(11));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var finished = (await survivor.Collection.WaitAsync(run.Id, timeout.Token)).ShouldNotBeNull();

        finished.Status.ShouldBe(CollectionRunStatus.Succeeded, await survivor.ErrorsAsync(run.Id));
        finished.ReposOk.ShouldBe(10);
        finished.ReposFailed.ShouldBe(0);
        lanes = await laneStore.ListAsync(run.Id);
        lanes.ShouldAllBe(l => l.Status == CollectionLaneStatus.Done);
        lanes.Select(l => l.Holder).Distinct().ShouldHaveSingleItem("the survivor completed both lanes");
        lanes.Sum(l => l.Progress.ReposOk).ShouldBe(10);
        (clock.GetUtcNow() - stoppedAt).ShouldBeLessThan(TimeSpan.FromSeconds(11) + TimeSpan.FromMinutes(1));
        var views = reads.ViewsOf(names);
        views.ShouldAllBe(pair => pair.Value >= 1, "every repository was read");
        views.Count(pair => pair.Value > 1).ShouldBeLessThanOrEqualTo(1, "only the repository in flight when the replica died is read again");
        views.ShouldAllBe(pair => pair.Value <= 2);
        (await survivor.Repositories.ListAsync(tenant.Id)).ShouldAllBe(r => r.LastStatus == "ok");

        // Every day GitHub's window served whole (its oldest day has partly slid out) is stored as GitHub counted it.
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        foreach (var repository in await survivor.Repositories.ListAsync(tenant.Id))
        {
            var truth = simulator.Repository(repository.Owner, repository.Name);
            var series = await survivor.Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, new DateRange(today.AddDays(-12), today.AddDays(-1)), TrafficPeriod.Day);
            series.Totals.Views.ShouldBe(Enumerable.Range(1, 12).Sum(d => (long)truth.DayTruth(today.AddDays(-d)).Views), repository.FullName);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lanes_TakeTurns_WhileMoreWaitThanAReplicaHasPlacesFor_AndEachRepositoryIsReadOnce(bool turns)
    {
        // One place, three lanes of four repositories: with turns, the lane claimed first is handed back after its turn
        // and the others go before it ends; without, each lane runs to its end before the next starts.
        var simulator = Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(30) }));
        var reads = new RepositoryReads();
        var clock = new CalendarClock(Start);
        var replica = Replica(simulator, clock, reads, o =>
        {
            o.MaxConcurrency = 1;
            o.LaneConcurrency = 1;
            o.ProgressInterval = TimeSpan.FromMilliseconds(50);
            o.LaneTurn = turns ? TimeSpan.FromMilliseconds(300) : TimeSpan.Zero;
        });
        var (tenant, names) = await SetUpLanesAsync(replica, simulator, lanes: 3, perLane: 4);
        replica.SetNow(Start);

        var run = await replica.Collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test", tenant.Id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var finished = (await replica.Collection.WaitAsync(run.Id, timeout.Token)).ShouldNotBeNull();

        finished.Status.ShouldBe(CollectionRunStatus.Succeeded, await replica.ErrorsAsync(run.Id));
        finished.ReposOk.ShouldBe(12);
        finished.ApiCalls.ShouldBe((int)simulator.Stats.TotalRequests, "calls made in every turn are counted once");
        var lanes = await replica.Services.GetRequiredService<ICollectionLaneStore>().ListAsync(run.Id);
        lanes.ShouldAllBe(l => l.Status == CollectionLaneStatus.Done && l.Progress.ReposOk == 4 && l.Progress.ReposDeferred == 0);
        reads.ViewsOf(names).ShouldAllBe(pair => pair.Value == 1, reads.Describe());

        // The owners in the order their repositories were read, runs of one owner folded: "owner0, owner1, owner2" when
        // each lane ran to its end, more when lanes took turns.
        var order = reads.Order.Select(n => n.Split('/')[0]).ToList();
        var runs = order.Where((owner, i) => i == 0 || owner != order[i - 1]).ToList();
        if (turns)
        {
            runs.Count.ShouldBeGreaterThan(3, string.Join(", ", order));
            order.IndexOf("owner2").ShouldBeLessThan(order.LastIndexOf("owner0"), "the last lane started before the first one ended: " + string.Join(", ", order));
        }
        else
        {
            runs.ShouldBe(["owner0", "owner1", "owner2"], string.Join(", ", order));
        }
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(90, true)]
    public async Task LaneTurn_IsValidatedAtStart(int seconds, bool valid)
    {
        var simulator = Track(await GitHubSimulator.StartAsync());
        var replica = Replica(simulator, new CalendarClock(Start), new RepositoryReads(), o => o.LaneTurn = TimeSpan.FromSeconds(seconds));

        var read = () => replica.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GitHubCollectorOptions>>().Value;

        if (valid)
        {
            read().LaneTurn.ShouldBe(TimeSpan.FromSeconds(seconds));
        }
        else
        {
            Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(read).Message.ShouldContain("GhStats:Collector:LaneTurn is -00:00:01");
        }
    }

    [Fact]
    public async Task AReplicaPollingForWork_JoinsARunningRunWithALaneToTake()
    {
        var simulator = Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = TimeSpan.FromMilliseconds(60) }));
        var reads = new RepositoryReads();
        var clock = new CalendarClock(Start);
        var starter = Replica(simulator, clock, reads, o =>
        {
            o.MaxConcurrency = 1;
            o.LaneConcurrency = 1;
        });
        var poller = Replica(simulator, clock, reads, o =>
        {
            o.MaxConcurrency = 1;
            o.LaneConcurrency = 1;
            o.QueuePollInterval = TimeSpan.FromMilliseconds(200);
        });
        var (tenant, names) = await SetUpLanesAsync(starter, simulator, lanes: 3, perLane: 3);
        starter.SetNow(Start);
        var polling = poller.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Collection.QueuedRunStarter>().Single();
        await polling.StartAsync(CancellationToken.None);
        try
        {
            var run = await starter.Collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test", tenant.Id));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var finished = (await starter.Collection.WaitAsync(run.Id, timeout.Token)).ShouldNotBeNull();

            finished.Status.ShouldBe(CollectionRunStatus.Succeeded, await starter.ErrorsAsync(run.Id));
            finished.ReposOk.ShouldBe(9);
            var lanes = await starter.Services.GetRequiredService<ICollectionLaneStore>().ListAsync(run.Id);
            lanes.Select(l => l.Holder).Distinct().Count().ShouldBe(2, "the polling replica took a lane");
            reads.ViewsOf(names).ShouldAllBe(pair => pair.Value == 1);
        }
        finally
        {
            await polling.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>One tenant with <paramref name="lanes"/> token connections, each pushing to its own owner of <paramref name="perLane"/> repositories.</summary>
    private static async Task<(Tenant Tenant, IReadOnlyList<string> Names)> SetUpLanesAsync(CollectorHarness harness, GitHubSimulator simulator, int lanes, int perLane)
    {
        var tenant = await harness.NewTenantAsync();
        var names = new List<string>();
        for (var lane = 0; lane < lanes; lane++)
        {
            var owner = $"owner{lane}";
            var connection = await harness.AddTokenConnectionAsync(tenant.Id, simulator.AddToken(canPushTo: owner + "/*"));
            for (var i = 0; i < perLane; i++)
            {
                simulator.AddRepository(owner, "repo" + i, seed: (lane * 100) + i);
                await harness.Repositories.AddAsync(tenant.Id, owner, "repo" + i, connection.Id);
                names.Add($"{owner}/repo{i}");
            }
        }

        return (tenant, names);
    }

    private CollectorHarness Replica(GitHubSimulator simulator, CalendarClock clock, RepositoryReads reads, Action<GitHubCollectorOptions> configure) =>
        Track(new CollectorHarness(database, simulator, clock, o =>
        {
            o.StarBackfillPagesPerRun = 0;
            configure(o);
        }, reads.Register));

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>The daily-views reads (<c>per=day</c>; the weekly figures are another read) of each repository, seen by a handler every replica adds to its GitHub client.</summary>
    private sealed class RepositoryReads
    {
        private readonly ConcurrentDictionary<string, int> _views = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentQueue<string> _order = new();

        /// <summary>The repositories whose daily views were read, in the order the reads were sent.</summary>
        public IReadOnlyList<string> Order => [.. _order];

        public void Register(IServiceCollection services)
        {
            services.AddSingleton(this);
            services.AddTransient<ReadHandler>();
            services.AddHttpClient(GitHubCollectorOptions.HttpClientName).AddHttpMessageHandler<ReadHandler>();
        }

        public void Saw(HttpRequestMessage request)
        {
            // {API root}/repos/{owner}/{name}/traffic/views
            var path = request.RequestUri?.AbsolutePath ?? "";
            var repos = path.IndexOf("/repos/", StringComparison.Ordinal);
            if (repos >= 0 && path.EndsWith("/traffic/views", StringComparison.Ordinal) && request.RequestUri!.Query.Contains("per=day", StringComparison.Ordinal))
            {
                var name = path[(repos + "/repos/".Length)..^"/traffic/views".Length];
                _views.AddOrUpdate(name, 1, (_, n) => n + 1);
                _order.Enqueue(name);
            }
        }

        public string Describe() => string.Join(", ", _views.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));

        public IReadOnlyDictionary<string, int> ViewsOf(IEnumerable<string> names) =>
            names.ToDictionary(n => n, n => _views.GetValueOrDefault(n));
    }

    private sealed class ReadHandler(RepositoryReads reads) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            reads.Saw(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
