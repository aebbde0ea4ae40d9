using System.Globalization;
using GhStats.Domain;
using GhStats.Storage.Conformance.Databases;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace GhStats.GitHub.Tests;

/// <summary>
/// Counts, not time: the calls a day's collection makes per repository with the counters read by REST and by GraphQL
/// batches, on connections of 100 repositories each (so no lane waits for the per-minute limit), over two days. The
/// numbers go to the test output. Three connections by default; <c>GHSTATS_CALL_COUNT_CONNECTIONS=10</c> measures 1,000
/// repositories (about two minutes on two cores).
/// </summary>
public sealed class GraphQLCallCountTests(SqliteDatabaseFixture database, ITestOutputHelper output) : IClassFixture<SqliteDatabaseFixture>
{
    private const int PerConnection = 100;
    private static readonly int Connections =
        int.TryParse(Environment.GetEnvironmentVariable("GHSTATS_CALL_COUNT_CONNECTIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;

    private static int Repositories => Connections * PerConnection;

    // A Monday: the first run reads the weekly figures (never read yet), the second day none.
    private static readonly DateTimeOffset FirstDay = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CountersCostAHundredthOfACallPerRepositoryWithGraphQL_InsteadOfOne()
    {
        var rest = await CollectTwoDaysAsync(graphQLBatchSize: 0);
        var graphQL = await CollectTwoDaysAsync(graphQLBatchSize: 100);

        output.WriteLine($"{Repositories:N0} repositories, {Connections} connections of {PerConnection}; calls per repository and day (day 1 first run with weekly figures, day 2 steady state with ETags):");
        output.WriteLine("| counters | day | all calls | REST calls | counter calls (REST GET /repos/{o}/{r}) | GraphQL calls | GraphQL points | charged REST | 304s |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (mode, days) in new[] { ("REST", rest), ("GraphQL batches of 100", graphQL) })
        {
            for (var day = 0; day < days.Count; day++)
            {
                var d = days[day];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {mode} | {day + 1} | {Per(d.Total)} | {Per(d.Rest)} | {Per(d.Counters)} | {Per(d.GraphQL)} | {Per(d.Points)} | {Per(d.Charged)} | {Per(d.NotModified)} |"));
            }
        }

        foreach (var day in rest)
        {
            (day.Counters, day.GraphQL).ShouldBe((Repositories, 0));
        }

        foreach (var day in graphQL)
        {
            (day.Counters, day.GraphQL, day.Points).ShouldBe((0, Connections, 3 * Connections));
        }

        for (var day = 0; day < 2; day++)
        {
            (rest[day].Total - graphQL[day].Total).ShouldBe(Repositories - Connections, $"day {day + 1}: a counter call per repository less, a query per connection more");
        }
    }

    private async Task<List<DayCount>> CollectTwoDaysAsync(int graphQLBatchSize)
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = FirstDay, SecondaryLimitPerMinute = 1_000_000 });
        await using var harness = new CollectorHarness(database, simulator, new CalendarClock(FirstDay), o =>
        {
            o.GraphQLBatchSize = graphQLBatchSize;

            // A one-off per repository; it would only blur the daily count.
            o.StarBackfillPagesPerRun = 0;

            // The calls are counted, not timed: lanes held until done are paced by the per-minute window alone, with no
            // latency here a burst, where lanes taking turns would start each request 68 ms after the last (minutes here).
            o.LaneTurn = TimeSpan.Zero;
        });
        var tenant = await harness.NewTenantAsync();
        for (var c = 0; c < Connections; c++)
        {
            var owner = "count" + c.ToString(CultureInfo.InvariantCulture);
            var connection = await harness.AddTokenConnectionAsync(tenant.Id, simulator.AddToken(rateLimit: 50_000, canPushTo: owner + "/*"));
            for (var r = 0; r < PerConnection; r++)
            {
                var name = "repo" + r.ToString("D3", CultureInfo.InvariantCulture);
                simulator.AddRepository(owner, name, seed: c * PerConnection + r);
                await harness.Repositories.AddAsync(tenant.Id, owner, name, connection.Id);
            }
        }

        var days = new List<DayCount>();
        for (var day = 0; day < 2; day++)
        {
            harness.SetNow(FirstDay.AddDays(day));
            simulator.Stats.Reset();
            var run = await harness.CollectAsync(tenant.Id, TimeSpan.FromMinutes(10));
            run.Status.ShouldBe(CollectionRunStatus.Succeeded, await harness.ErrorsAsync(run.Id));
            run.ReposOk.ShouldBe(Repositories);
            var stats = simulator.Stats;
            days.Add(new DayCount(stats.TotalRequests, stats.RestRequests, stats.Requests(SimulatedEndpoint.Repository), stats.GraphQLRequests,
                stats.GraphQLPointsCharged, stats.ChargedRequests, stats.NotModified));
        }

        return days;
    }

    private static string Per(long calls) => (calls / (double)Repositories).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record DayCount(long Total, long Rest, long Counters, long GraphQL, long Points, long Charged, long NotModified);
}
