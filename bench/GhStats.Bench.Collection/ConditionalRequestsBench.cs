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
/// Counts, not time: the calls GitHub charges per repository and day when the collector reads daily through the simulator,
/// with conditional requests off and on, in the same process. Each mode gets its own simulator (same seeds) and database.
/// </summary>
internal static class ConditionalRequestsBench
{
    // A Monday at 06:00 UTC: the runs of a day finish long before midnight.
    private static readonly DateTimeOffset FirstDay = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    public static async Task<string> RunAsync(int repos, int days)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Conditional requests: calls GitHub charges ({repos:N0} repositories, {days} daily runs, then a re-run on the last day)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- etags --repos {repos} --days {days}`");
        report.AppendLine("- Counted by the simulator: charged = admitted REST requests except 304s (and the free /rate_limit); 304s apart; GraphQL (the repository counters, 100 repositories a query, on by default) in calls and points, a budget of its own. Star backfill off (a one-off).");
        report.AppendLine();
        report.AppendLine("| conditional requests | first day: charged per repository | days 2 to last: charged per repository-day | 304s per repository-day | re-run, nothing changed: charged per repository | 304s per repository | GraphQL calls per run | GraphQL points per repository-day |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var conditional in new[] { false, true })
        {
            var counts = await CollectAsync(repos, days, conditional);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {(conditional ? "on (default)" : "off")} | {counts.FirstCharged / (double)repos:N2} | {counts.LaterCharged / (double)(repos * (days - 1)):N2} | {counts.LaterNotModified / (double)(repos * (days - 1)):N2} | {counts.RerunCharged / (double)repos:N2} | {counts.RerunNotModified / (double)repos:N2} | {counts.GraphQLCalls / (double)(days + 1):N2} | {counts.GraphQLPoints / (double)(repos * (days + 1)):N3} |");
        }

        return report.ToString();
    }

    private static async Task<(long FirstCharged, long LaterCharged, long LaterNotModified, long RerunCharged, long RerunNotModified, long GraphQLCalls, long GraphQLPoints)> CollectAsync(int repos, int days, bool conditional)
    {
        var calendar = new BenchCalendar(FirstDay);
        // The runs follow one another at once; a per-minute limit across runs would only slow the count down.
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = FirstDay, SecondaryLimitPerMinute = 1_000_000 });
        var token = simulator.AddToken(rateLimit: 1_000_000, canPushTo: "bench/*");
        for (var i = 0; i < repos; i++)
        {
            simulator.AddRepository("bench", $"repo-{i:D4}", seed: i);
        }

        var folder = Directory.CreateTempSubdirectory("ghstats-bench-etags-").FullName;
        try
        {
            var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));

            // GhStats' calendar moves with the simulator's, a day per run; time within a run is real, so pacing works.
            services.AddSingleton<TimeProvider>(calendar);
            services.AddGhStats()
                .UseSqlite($"Data Source={Path.Combine(folder, "ghstats.db")}")
                .AddGitHubCollector(o =>
                {
                    o.ConditionalRequests = conditional;

                    // The star backfill is a one-off of each repository's first runs, read plainly: left out of a daily count.
                    o.StarBackfillPagesPerRun = 0;
                })
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
            long graphQLCalls = 0, graphQLPoints = 0;
            async Task<(long Charged, long NotModified)> RunAsync()
            {
                simulator.Clock.Set(calendar.GetUtcNow());
                simulator.Stats.Reset();
                var run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "bench", tenant.Id));
                var finished = await collection.WaitAsync(run.Id) ?? throw new InvalidOperationException("The run vanished.");
                if (finished.Status != CollectionRunStatus.Succeeded || finished.ReposOk != repos)
                {
                    throw new InvalidOperationException($"The run ended {finished.Status} with {finished.ReposOk} of {repos} repositories collected.");
                }

                graphQLCalls += simulator.Stats.GraphQLRequests;
                graphQLPoints += simulator.Stats.GraphQLPointsCharged;
                Console.Error.WriteLine($"conditional {(conditional ? "on" : "off")}, {calendar.GetUtcNow():yyyy-MM-dd}: {simulator.Stats.TotalRequests} requests, {simulator.Stats.ChargedRequests} charged, {simulator.Stats.NotModified} 304s, {simulator.Stats.GraphQLRequests} GraphQL calls");
                return (simulator.Stats.ChargedRequests, simulator.Stats.NotModified);
            }

            var (firstCharged, _) = await RunAsync();
            long laterCharged = 0, laterNotModified = 0;
            for (var day = 1; day < days; day++)
            {
                calendar.Offset += TimeSpan.FromDays(1);
                var (charged, notModified) = await RunAsync();
                laterCharged += charged;
                laterNotModified += notModified;
            }

            var (rerunCharged, rerunNotModified) = await RunAsync();
            return (firstCharged, laterCharged, laterNotModified, rerunCharged, rerunNotModified, graphQLCalls, graphQLPoints);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A calendar that starts at a fixed instant, runs at real speed, and jumps ahead a day at a time.</summary>
    private sealed class BenchCalendar(DateTimeOffset start) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => start + Offset + System.GetElapsedTime(_started);
    }
}
