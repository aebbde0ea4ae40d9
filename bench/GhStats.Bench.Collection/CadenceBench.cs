using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.GitHub;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Bench.Collection;

/// <summary>
/// Counts, not time: the calls per repository of a day's first run (which makes the daily reads) and of the hourly runs
/// after it (views and clones only), through the simulator, with the counters read by GraphQL batches and by REST.
/// </summary>
internal static class CadenceBench
{
    // A Monday just after midnight: the first run ever (weekly figures due, star backfill); then Tuesday's runs.
    private static readonly DateTimeOffset FirstDay = new(2026, 3, 2, 0, 5, 0, TimeSpan.Zero);

    private static readonly (string Name, TimeSpan At)[] Runs =
    [
        ("Monday 00:05, first run ever (weekly figures due)", TimeSpan.Zero),
        ("Tuesday 00:05, the day's first run", TimeSpan.FromDays(1)),
        ("Tuesday 01:05, hourly", TimeSpan.FromDays(1) + TimeSpan.FromHours(1)),
        ("Tuesday 02:05, hourly", TimeSpan.FromDays(1) + TimeSpan.FromHours(2)),
    ];

    /// <param name="repos">Repositories, on one personal access token.</param>
    /// <param name="modes">The counters' GraphQL batch sizes to measure: 100 (the default) and 0 (REST).</param>
    public static async Task<string> RunAsync(int repos, IReadOnlyList<int> modes)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Cadence: calls per repository of a day's first run and of an hourly run ({repos:N0} repositories)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- cadence --repos {repos}`");
        report.AppendLine("- Counted by the simulator, one personal access token, conditional requests on (default); `charged` leaves out 304s and GraphQL (GraphQL spends points of its own budget).");
        report.AppendLine("- The simulator's repositories have no releases (the list is one call); the star backfill is off (a one-off of each repository's first days).");
        report.AppendLine();
        report.AppendLine("| counters | run | all calls | views + clones (day and week) | counters (REST) | GraphQL queries | referrers + paths | releases | charged | 304s |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var perDay = new List<string>();
        foreach (var batchSize in modes)
        {
            var mode = batchSize == 0 ? "REST" : "GraphQL (100 a query)";
            var counts = await CollectAsync(repos, batchSize);
            foreach (var (name, count) in Runs.Select(r => r.Name).Zip(counts))
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {mode} | {name} | {Per(count.Total)} | {Per(count.ViewsAndClones)} | {Per(count.RestCounters)} | {Per(count.GraphQL)} | {Per(count.ReferrersAndPaths)} | {Per(count.Releases)} | {Per(count.Charged)} | {Per(count.NotModified)} |");
            }

            // A day on an hourly schedule: its first run and 23 more like the hourly ones measured.
            var (first, hourly) = (counts[1], counts[2]);
            perDay.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {mode}: an hourly schedule makes {Per(first.Total + (23 * hourly.Total))} calls per repository and day ({Per(first.Charged + (23 * hourly.Charged))} charged); reading everything in every run would make {Per(24 * first.Total)}."));
        }

        report.AppendLine();
        foreach (var line in perDay)
        {
            report.AppendLine(line);
        }

        return report.ToString();

        string Per(long calls) => (calls / (double)repos).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static async Task<List<RunCount>> CollectAsync(int repos, int graphQLBatchSize)
    {
        var calendar = new RunCalendar(FirstDay);

        // The runs follow one another at once; a per-minute limit across runs would only slow the count down.
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = FirstDay, SecondaryLimitPerMinute = 1_000_000 });
        var token = simulator.AddToken(rateLimit: 1_000_000, canPushTo: "bench/*");
        for (var i = 0; i < repos; i++)
        {
            simulator.AddRepository("bench", $"repo-{i:D4}", seed: i);
        }

        var folder = Directory.CreateTempSubdirectory("ghstats-bench-cadence-").FullName;
        try
        {
            var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));

            // GhStats' calendar moves with the simulator's; time within a run is real, so pacing works.
            services.AddSingleton<TimeProvider>(calendar);
            services.AddGhStats()
                .UseSqlite($"Data Source={Path.Combine(folder, "ghstats.db")}")
                .AddGitHubCollector(o => (o.GraphQLBatchSize, o.StarBackfillPagesPerRun) = (graphQLBatchSize, 0))
                .ConfigureGitHubApi(o => o.AllowedHosts.Add(new GitHubApiHost { Host = "127.0.0.1", AllowHttp = true, AllowPrivateAddresses = true }));
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
            var tenant = await provider.GetRequiredService<ITenantStore>().CreateAsync("bench", "Benchmark");
            await provider.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
                tenant.Id, "bench pat", GitHubConnectionKind.PersonalAccessToken, simulator.BaseAddress, provider.GetRequiredService<ISecretProtector>().Protect(token)));
            var repositories = provider.GetRequiredService<IRepositoryStore>();
            for (var i = 0; i < repos; i++)
            {
                await repositories.AddAsync(tenant.Id, "bench", $"repo-{i:D4}");
            }

            var collection = provider.GetRequiredService<ICollectionService>();
            var counts = new List<RunCount>();
            foreach (var (name, at) in Runs)
            {
                calendar.Offset = at;
                simulator.Clock.Set(calendar.GetUtcNow());
                simulator.Stats.Reset();
                var run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "bench", tenant.Id));
                var finished = await collection.WaitAsync(run.Id) ?? throw new InvalidOperationException("The run vanished.");
                if (finished.Status != CollectionRunStatus.Succeeded || finished.ReposOk != repos)
                {
                    throw new InvalidOperationException($"The run ended {finished.Status} with {finished.ReposOk} of {repos} repositories collected.");
                }

                var stats = simulator.Stats;
                counts.Add(new RunCount(
                    stats.TotalRequests,
                    stats.Requests(SimulatedEndpoint.Views) + stats.Requests(SimulatedEndpoint.Clones),
                    stats.Requests(SimulatedEndpoint.Repository),
                    stats.GraphQLRequests,
                    stats.Requests(SimulatedEndpoint.Referrers) + stats.Requests(SimulatedEndpoint.Paths),
                    stats.Requests(SimulatedEndpoint.Releases),
                    stats.ChargedRequests,
                    stats.NotModified));
                Console.Error.WriteLine($"counters by {(graphQLBatchSize == 0 ? "REST" : "GraphQL")}, {name}: {stats.TotalRequests} requests, {stats.ChargedRequests} charged, {stats.NotModified} 304s");
            }

            return counts;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record RunCount(
        long Total, long ViewsAndClones, long RestCounters, long GraphQL, long ReferrersAndPaths, long Releases, long Charged, long NotModified);

}
