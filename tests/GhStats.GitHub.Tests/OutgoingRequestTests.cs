using GhStats.Domain;
using GhStats.Storage.Conformance;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>
/// What the collector sends where, and how much it takes back, against a GitHub simulator that misbehaves as a hostile
/// or broken server would: hosts the operator did not allow, private addresses, redirects, next pages on another origin,
/// pages without end, huge bodies and hour-long waits. Each failing connection is recorded on the run with the reason.
/// </summary>
public abstract class OutgoingRequestTests(StoreDatabaseFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);
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
    public async Task AConnectionToAHostTheOperatorDidNotAllow_IsRefusedAtRunTime_AndGitHubIsNotAsked()
    {
        var (harness, tenant, token) = await SetUpAsync(allowedHosts: []);
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.ReposFailed.ShouldBe(1);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("GhStats:GitHub:AllowedHosts");
        harness.Simulator.Stats.RequestsFor(token).ShouldBe(0);
    }

    [Fact]
    public async Task AnAllowedHostOnALoopbackAddress_IsRefusedWhenConnecting_UnlessItsPrivateAddressesAreAllowed()
    {
        var (harness, tenant, token) = await SetUpAsync(allowedHosts: [("127.0.0.1", true, false)]);
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.ReposFailed.ShouldBe(1);
        var errors = await harness.ErrorsAsync(run.Id);
        errors.ShouldContain("AllowPrivateAddresses");
        errors.ShouldNotContain("Connection refused");
        harness.Simulator.Stats.RequestsFor(token).ShouldBe(0);
    }

    [Fact]
    public async Task AHostNameThatResolvesToLoopback_IsRefusedWhenConnecting()
    {
        var simulator = await StartSimulatorAsync();
        var harness = Track(new CollectorHarness(database, simulator, new CalendarClock(Start), allowedHosts: [("localhost", true, false)]));
        var tenant = await harness.NewTenantAsync();
        var token = simulator.AddToken(canPushTo: ["*"]);
        await harness.AddTokenConnectionAsync(tenant.Id, token, simulator.BaseAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        simulator.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.ReposFailed.ShouldBe(1);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("resolves to a loopback, private, link-local or metadata address");
        simulator.Stats.RequestsFor(token).ShouldBe(0);
    }

    [Fact]
    public async Task PlainHttp_IsRefused_UnlessTheOperatorAllowsItForTheHost()
    {
        var (harness, tenant, token) = await SetUpAsync(allowedHosts: [("127.0.0.1", false, true)]);
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.ReposFailed.ShouldBe(1);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("https only");
        harness.Simulator.Stats.RequestsFor(token).ShouldBe(0);
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_AndFailsTheConnectionWithTheReason()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var elsewhere = await StartSimulatorAsync();
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        elsewhere.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");
        harness.Simulator.Misbehaviour.RedirectNext("/repos/acme/site", elsewhere.BaseAddress + "api/v3/repos/acme/site", times: 10);

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("redirect (302)");
        elsewhere.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(0, "the redirect was followed, with the connection's token");
    }

    [Fact]
    public async Task ANextPageOnAnotherPort_IsNotFollowed()
    {
        var (harness, tenant, _) = await SetUpAsync();
        var elsewhere = await StartSimulatorAsync();
        harness.Simulator.AddOwner("acme", SimulatedOwnerType.Organization);
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        elsewhere.AddOwner("acme", SimulatedOwnerType.Organization);
        harness.Simulator.Misbehaviour.EndlessPages = true;
        harness.Simulator.Misbehaviour.PageLinkOrigin = elsewhere.BaseAddress;
        await harness.Owners.AddAsync(new NewTrackedOwner(tenant.Id, "acme"));

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        (await harness.ErrorsAsync(run.Id)).ShouldContain("another host, scheme or port");
        elsewhere.Stats.Requests(SimulatedEndpoint.OwnerRepositories).ShouldBe(0, "the next page was fetched from another origin, with the connection's token");
        (await harness.Repositories.ListTrackedAsync(tenant.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEndlessListing_StopsAtTheDefaultCapOf100Pages_AndTheOwnerIsRecordedAsFailed()
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddOwner("acme", SimulatedOwnerType.Organization);
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        harness.Simulator.Misbehaviour.EndlessPages = true;
        await harness.Owners.AddAsync(new NewTrackedOwner(tenant.Id, "acme"));

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        (await harness.ErrorsAsync(run.Id)).ShouldContain("more than 100 pages, the limit GhStats:Collector:MaxPagesPerListing sets");
        harness.Simulator.Stats.Requests(SimulatedEndpoint.OwnerRepositories).ShouldBe(100);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnAnswerLargerThan10MB_FailsTheRepository_WithTheLimit(bool declareLength)
    {
        var (harness, tenant, _) = await SetUpAsync();
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");
        harness.Simulator.Misbehaviour.HugeBodyNext("/traffic/views", 12 * 1024 * 1024, declareLength);

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.ReposFailed.ShouldBe(1);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("more than 10485760 bytes, the limit GhStats:Collector:MaxResponseBytes sets");
    }

    [Fact]
    public async Task ARetryAfterOfAnHour_DefersTheConnectionsRepositoriesToTheNextRun_InsteadOfWaiting()
    {
        // REST counters, so the first request of the run is the one that meets the hour's wait.
        var (harness, tenant, _) = await SetUpAsync(configure: o => (o.MaxConcurrency, o.GraphQLBatchSize) = (1, 0));
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        harness.Simulator.AddRepository("acme", "docs", seed: 2);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");
        await harness.Repositories.AddAsync(tenant.Id, "acme", "docs");
        harness.Simulator.Misbehaviour.RetryAfterNext("/repos/acme/", TimeSpan.FromHours(1));

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, "a spent budget defers, it does not fail");
        (run.ReposOk, run.ReposFailed).ShouldBe((0, 0));
        var deferred = (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem();
        deferred.Kind.ShouldBe(CollectionErrorKind.RateLimited);
        deferred.Message.ShouldStartWith("2 of 2 repositories of GitHub connection");
        deferred.Message.ShouldContain("rate limit");
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(1, "the connection's other repository was asked for despite the hour's wait");
    }

    [Fact]
    public async Task AnEndlessReleaseListing_StopsAtMaxPagesPerListing_AndTheConnectionsOtherRepositoriesAreNotAskedForIt()
    {
        // One repository at a time, so the second starts after the first met the endless listing.
        var (harness, tenant, token) = await SetUpAsync(configure: o => (o.MaxConcurrency, o.MaxPagesPerListing) = (1, 5));
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        harness.Simulator.AddRepository("acme", "docs", seed: 2);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");
        await harness.Repositories.AddAsync(tenant.Id, "acme", "docs");
        harness.Simulator.HostilityOf(token).EndlessPages = true;

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        (await harness.ErrorsAsync(run.Id)).ShouldContain("more than 5 pages, the limit GhStats:Collector:MaxPagesPerListing sets");
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Releases).ShouldBe(5, "Octokit's GetAll would follow the next pages forever");
        run.ReposFailed.ShouldBe(2, "the connection is not used again in the run");
    }

    [Fact]
    public async Task ABodyTrickledForTenMinutes_IsCutByRequestTimeout_TheWholeAnswerNotOnlyItsHeaders()
    {
        var (harness, tenant, token) = await SetUpAsync(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");

        // The headers come at once; a timeout that stopped at them would wait the ten minutes out (the run limit is one).
        harness.Simulator.HostilityOf(token).BodyTrickle = TimeSpan.FromMinutes(10);

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        run.ReposFailed.ShouldBe(1);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("GitHub did not answer in time, after retries.");
    }

    [Fact]
    public async Task AnHourLongRetryAfterOnOneConnection_DefersItsRepositories_WhileTheOtherConnectionsAreCollected()
    {
        // REST counters, one repository of a lane at a time: the lane's second repository starts after the hour was announced.
        var (harness, tenant, token) = await SetUpAsync(configure: o => (o.GraphQLBatchSize, o.LaneConcurrency) = (0, 1));
        harness.Simulator.AddRepository("acme", "site", seed: 1);
        harness.Simulator.AddRepository("acme", "blog", seed: 2);
        harness.Simulator.AddRepository("other", "docs", seed: 3);
        var calm = await harness.AddTokenConnectionAsync(tenant.Id, harness.Simulator.AddToken(canPushTo: ["*"]));
        await harness.Repositories.AddAsync(tenant.Id, "acme", "site");
        await harness.Repositories.AddAsync(tenant.Id, "acme", "blog");
        await harness.Repositories.AddAsync(tenant.Id, "other", "docs", calm.Id);
        harness.Simulator.HostilityOf(token).SecondaryLimitAfter = 0;

        var run = await harness.CollectAsync(tenant.Id, RunLimit);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, "a spent budget defers, it does not fail");
        run.ReposOk.ShouldBe(1);
        (await harness.ErrorsAsync(run.Id)).ShouldContain("2 of 2 repositories of GitHub connection");
        harness.Simulator.HostilityOf(token).SecondaryLimited.ShouldBe(1, "the hour is neither waited out nor asked again");
    }

    private async Task<(CollectorHarness Harness, Tenant Tenant, string Token)> SetUpAsync(
        Action<GitHubCollectorOptions>? configure = null, (string Host, bool AllowHttp, bool AllowPrivateAddresses)[]? allowedHosts = null)
    {
        var simulator = await StartSimulatorAsync();
        var harness = Track(new CollectorHarness(database, simulator, new CalendarClock(Start), configure, allowedHosts: allowedHosts));
        harness.SetNow(Start);
        var tenant = await harness.NewTenantAsync();
        var token = simulator.AddToken(canPushTo: ["*"]);
        await harness.AddTokenConnectionAsync(tenant.Id, token);
        return (harness, tenant, token);
    }

    private async Task<GitHubSimulator> StartSimulatorAsync() => Track(await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = Start }));

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
