using GhStats.Domain;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>Repository counters read in GraphQL batches, and the REST fallback.</summary>
public abstract partial class CollectorTests
{
    [Theory]
    [InlineData(7, 3)]
    [InlineData(101, 100)]
    public async Task Counters_AreReadInGraphQLBatches_OneQueryPerBatchOfTheLane_AndNoRestCounterCall(int repositories, int batchSize)
    {
        var (harness, tenant, _) = await SetUpAsync(rateLimit: 20_000, configure: o => (o.GraphQLBatchSize, o.StarBackfillPagesPerRun) = (batchSize, 0));
        harness.SetNow(Start);
        for (var i = 0; i < repositories; i++)
        {
            harness.Simulator.AddRepository("batch", $"r{i:D3}", seed: i);
            await harness.Repositories.AddAsync(tenant.Id, "batch", $"r{i:D3}");
        }

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var stats = harness.Simulator.Stats;
        stats.GraphQLRequests.ShouldBe((repositories + batchSize - 1) / batchSize);
        stats.Requests(SimulatedEndpoint.Repository).ShouldBe(0);
        stats.Requests(SimulatedEndpoint.Referrers).ShouldBe(repositories);
        run.ApiCalls.ShouldBe((int)stats.TotalRequests, "a GraphQL call is an API call of the run");
        foreach (var simulated in harness.Simulator.Repositories)
        {
            var tracked = (await harness.Repositories.ListTrackedAsync(tenant.Id, default)).Single(r => r.Name == simulated.Name);
            var counters = (await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, tracked.Id, new DateRange(Today, Today))).ShouldHaveSingleItem();
            (counters.Stars, counters.Forks, counters.Watchers, counters.OpenIssues, counters.SizeKb)
                .ShouldBe((simulated.Stars, simulated.Forks, simulated.Watchers, simulated.OpenIssues, simulated.SizeKb), simulated.Name);
            tracked.GitHubId.ShouldBe(simulated.Id);
        }
    }

    [Fact]
    public async Task GraphQLCounters_AreTheValuesTheRestReadStores()
    {
        var simulator = await StartSimulatorAsync();
        simulator.AddRepository("same", "plain", seed: 3);
        simulator.AddRepository("same", "busy", seed: 4, r => (r.Stars, r.Forks, r.Watchers, r.OpenIssues, r.SizeKb) = (90_000, 12_345, 777, 4_321, 987_654));
        simulator.AddRepository("same", "empty", seed: 5, r => (r.Stars, r.Forks, r.Watchers, r.OpenIssues, r.SizeKb) = (0, 0, 0, 0, 0));
        simulator.AddRepository("same", "hidden", seed: 6, r => r.Private = true);
        var stored = new List<List<(string, RepositoryDailyStats, long?)>>();
        foreach (var batch in new[] { 100, 0 })
        {
            var (harness, tenant, _) = await SetUpAsync(simulator, configure: o => (o.GraphQLBatchSize, o.StarBackfillPagesPerRun) = (batch, 0));
            harness.SetNow(Start);
            foreach (var repository in simulator.Repositories)
            {
                await harness.Repositories.AddAsync(tenant.Id, repository.Owner, repository.Name);
            }

            simulator.Stats.Reset();
            var run = await harness.CollectAsync(tenant.Id);
            run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
            simulator.Stats.GraphQLRequests.ShouldBe(batch == 0 ? 0 : 1);
            simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(batch == 0 ? 4 : 0);
            var rows = new List<(string, RepositoryDailyStats, long?)>();
            foreach (var tracked in await harness.Repositories.ListTrackedAsync(tenant.Id, default))
            {
                var counters = (await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, tracked.Id, new DateRange(Today, Today))).ShouldHaveSingleItem();
                rows.Add((tracked.Name, counters with { RepositoryId = 0 }, tracked.GitHubId));
            }

            stored.Add([.. rows.OrderBy(r => r.Item1, StringComparer.Ordinal)]);
        }

        stored[0].ShouldBe(stored[1]);
        stored[0].Count.ShouldBe(4);
    }

    [Fact]
    public async Task WithoutGraphQL_TheConnectionFallsBackToRest_ForTheRestOfTheRun()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { GraphQL = false });
        var (harness, tenant, _) = await SetUpAsync(simulator, configure: o => (o.GraphQLBatchSize, o.StarBackfillPagesPerRun, o.LaneConcurrency) = (2, 0, 1));
        harness.SetNow(Start);
        for (var i = 0; i < 5; i++)
        {
            simulator.AddRepository("old", $"ghes{i}", seed: 20 + i);
            await harness.Repositories.AddAsync(tenant.Id, "old", $"ghes{i}");
        }

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        simulator.Stats.GraphQLRequests.ShouldBe(1, "the first batch's 404 is remembered for the run");
        simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(5);
        foreach (var tracked in await harness.Repositories.ListTrackedAsync(tenant.Id, default))
        {
            var counters = (await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, tracked.Id, new DateRange(Today, Today))).ShouldHaveSingleItem();
            counters.Stars.ShouldBe(simulator.Repository("old", tracked.Name).Stars);
        }

        // The next run asks again: the server may have been upgraded.
        simulator.GraphQLEnabled = true;
        simulator.Stats.Reset();
        harness.SetNow(Start.AddDays(1));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        simulator.Stats.GraphQLRequests.ShouldBe(3);
        simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(0);
    }

    [Fact]
    public async Task ARepositoryGraphQLDoesNotFind_FailsAsRestsNotFound_AndTheOthersAreCollected()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => o.StarBackfillPagesPerRun = 0);
        harness.SetNow(Start);
        harness.Simulator.AddRepository("octo", "here", seed: 1);
        harness.Simulator.AddRepository("octo", "there", seed: 2);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "here");
        var gone = await harness.Repositories.AddAsync(tenant.Id, "octo", "gone");
        await harness.Repositories.AddAsync(tenant.Id, "octo", "there");

        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        (run.ReposOk, run.ReposFailed).ShouldBe((2, 1));
        var error = (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem();
        error.RepositoryId.ShouldBe(gone.Id);
        error.Kind.ShouldBe(CollectionErrorKind.NotFound);
        error.Message.ShouldBe("GitHub has no such repository, or the token cannot see it (404).");
        harness.Simulator.Stats.GraphQLRequests.ShouldBe(1);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(0);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Referrers).ShouldBe(2, "the missing repository is not asked for its traffic");
    }

    [Fact]
    public async Task ARepositoryWhoseAliasFailsOtherwise_IsReadWithRest_AndFailsAsRestSays()
    {
        var (harness, tenant, _) = await SetUpAsync(configure: o => o.StarBackfillPagesPerRun = 0);
        harness.SetNow(Start);
        harness.Simulator.AddRepository("octo", "fine", seed: 1);
        harness.Simulator.AddRepository("octo", "broken", seed: 2);
        await harness.Repositories.AddAsync(tenant.Id, "octo", "fine");
        var broken = await harness.Repositories.AddAsync(tenant.Id, "octo", "broken");
        harness.Simulator.Faults.AlwaysFail("octo/broken", 500);

        var run = await harness.CollectAsync(tenant.Id);

        (run.ReposOk, run.ReposFailed).ShouldBe((1, 1));
        var error = (await harness.Runs.ListErrorsAsync(run.Id)).ShouldHaveSingleItem();
        error.RepositoryId.ShouldBe(broken.Id);
        error.Kind.ShouldBe(CollectionErrorKind.Transient);
        harness.Simulator.Stats.GraphQLRequests.ShouldBe(1);
        harness.Simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBeGreaterThan(0, "the failed alias was asked for with REST");
    }

    [Fact]
    public async Task ASpentGraphQLBudget_FallsBackToRest_WithoutTouchingTheRestBudget()
    {
        var simulator = await StartSimulatorAsync(new GitHubSimulatorOptions { GraphQLPointsPerHour = 1 });
        var (harness, tenant, token) = await SetUpAsync(simulator, configure: o => (o.GraphQLBatchSize, o.StarBackfillPagesPerRun, o.LaneConcurrency) = (1, 0, 1));
        harness.SetNow(Start);
        foreach (var name in new[] { "one", "two", "three" })
        {
            simulator.AddRepository("budget", name, seed: name.Length);
            await harness.Repositories.AddAsync(tenant.Id, "budget", name);
        }

        // Something else spent the token's GraphQL point this hour.
        using (var http = new HttpClient())
        using (var spend = new HttpRequestMessage(HttpMethod.Post, new Uri(simulator.BaseAddress + "api/graphql")) { Content = new StringContent("{\"query\":\"{ rateLimit { cost } }\"}") })
        {
            spend.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            (await http.SendAsync(spend)).EnsureSuccessStatusCode();
        }

        simulator.Stats.Reset();
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        simulator.Stats.GraphQLRequests.ShouldBe(1, "the first query is refused (RATE_LIMITED); then REST for the run");
        simulator.Stats.GraphQLRateLimited.ShouldBe(1);
        simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(3);
        run.RateLimitRemaining.ShouldBe(5000 - (int)simulator.Stats.ChargedRequests, "the run reports the REST limit, not GraphQL's points");
        foreach (var tracked in await harness.Repositories.ListTrackedAsync(tenant.Id, default))
        {
            (await harness.Traffic.GetRepositoryStatsAsync(tenant.Id, tracked.Id, new DateRange(Today, Today))).ShouldHaveSingleItem()
                .Stars.ShouldBe(simulator.Repository("budget", tracked.Name).Stars);
        }
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public async Task GraphQLBatchSize_IsValidatedAtStart(int size, bool valid)
    {
        var simulator = await StartSimulatorAsync();
        await using var harness = new CollectorHarness(Database, simulator, new CalendarClock(Start), o => o.GraphQLBatchSize = size);

        var read = () => harness.Services.GetRequiredService<IOptions<GitHubCollectorOptions>>().Value;

        if (valid)
        {
            read().GraphQLBatchSize.ShouldBe(size);
        }
        else
        {
            Should.Throw<OptionsValidationException>(read).Message.ShouldContain("GhStats:Collector:GraphQLBatchSize is " + size);
        }
    }
}
