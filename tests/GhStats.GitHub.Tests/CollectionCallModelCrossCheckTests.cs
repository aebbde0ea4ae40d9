using GhStats.Domain;
using GhStats.GitHub.Collection;
using GhStats.Storage.Conformance.Databases;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The plan's call model against the calls the collector really makes, counted by the simulator.</summary>
public sealed class CollectionCallModelCrossCheckTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    // A Monday: the first run of the day reads everything, the weekly figures too.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task TheFirstRunOfAMonday_MakesTheCallsTheModelCounts(int graphQLBatchSize)
    {
        const int Repositories = 3;
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = Monday });
        await using var harness = new CollectorHarness(database, simulator, new CalendarClock(Monday), o =>
        {
            o.GraphQLBatchSize = graphQLBatchSize;

            // A one-off per repository until the star history is complete; the model leaves it out.
            o.StarBackfillPagesPerRun = 0;
        });
        var tenant = await harness.NewTenantAsync();
        var connection = await harness.AddTokenConnectionAsync(tenant.Id, simulator.AddToken(canPushTo: "model/*"));
        for (var r = 0; r < Repositories; r++)
        {
            simulator.AddRepository("model", $"repo{r}", seed: r);
            await harness.Repositories.AddAsync(tenant.Id, "model", $"repo{r}", connection.Id);
        }

        simulator.Stats.Reset();
        var run = await harness.CollectAsync(tenant.Id);

        run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
        var graphQL = graphQLBatchSize > 0;
        simulator.Stats.RestRequests.ShouldBe(Repositories * CollectionCallModel.CallsPerRepositoryPerDay(1, graphQL, CollectionCallModel.ReadsWeekly(DateOnly.FromDateTime(Monday.UtcDateTime))));
        simulator.Stats.GraphQLRequests.ShouldBe(graphQL ? 1 : 0);
    }
}
