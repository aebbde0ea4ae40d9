using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.GitHub;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using GhStats.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Bench.Collection;

/// <summary>
/// Wall time of one run of many connections collected by one collector replica against several sharing one PostgreSQL
/// database, when GitHub's latency binds; then the same with one replica killed mid-run (its provider disposed without
/// giving its lanes back), counting what was lost and what was read twice. Each mode gets a fresh database; replicas are
/// separate service providers in this process, so separate holders, as separate processes would be.
/// </summary>
internal static class ReplicasBench
{
    private const int PerMinute = 900;

    public static async Task<string> RunAsync(int connections, int perConnection, TimeSpan latency, int replicas, TimeSpan? laneTurn)
    {
        await using var server = await PostgresServer.StartAsync();
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
        {
            Latency = latency,
            SecondaryLimitPerMinute = PerMinute,
            MaxConcurrentRequests = 200,
            SimulatedNow = DateTimeOffset.UtcNow,
        });
        simulator.Clock.Set(DateTimeOffset.UtcNow);
        var tokens = new List<string>();
        for (var c = 0; c < connections; c++)
        {
            tokens.Add(simulator.AddToken(rateLimit: 12_500, canPushTo: $"owner{c:D2}/*"));
            for (var i = 0; i < perConnection; i++)
            {
                simulator.AddRepository($"owner{c:D2}", $"repo-{i:D4}", seed: (c * 10_000) + i);
            }
        }

        var total = connections * perConnection;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"## Several collector replicas on PostgreSQL ({connections} connections x {perConnection:N0} repositories, {latency.TotalMilliseconds:N0} ms per call)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- replicas --connections {connections} --repos-per-connection {perConnection} --latency-ms {latency.TotalMilliseconds} --replicas {replicas}{(laneTurn is { } t ? $" --lane-turn-seconds {t.TotalSeconds}" : "")}`");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; PostgreSQL from the machine's binaries; one tenant, {connections} token connections (a lane each); collector defaults (8 repositories at once per replica, 4 per lane), lease 10 s, lane turn {(laneTurn ?? new GitHubCollectorOptions().LaneTurn).TotalSeconds:N0} s (0: lanes held until done)");
        report.AppendLine();
        report.AppendLine("| mode | replicas | time | speed-up against 1 replica | API calls | repositories ok | lanes per holder | repositories read twice | lost |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|");

        TimeSpan? single = null;
        foreach (var (mode, count, kill) in new[] { ("one replica", 1, false), ($"{replicas} replicas", replicas, false), ($"{replicas} replicas, one killed mid-run", replicas, true) })
        {
            simulator.Stats.Reset();
            var outcome = await CollectAsync(server, simulator, tokens, perConnection, count, kill, laneTurn);
            single ??= outcome.Elapsed;
            var lost = total - outcome.Run.ReposOk;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {mode} | {count} | {outcome.Elapsed.TotalSeconds:N1} s | {single.Value / outcome.Elapsed:N2}x | {outcome.Run.ApiCalls:N0} | {outcome.Run.ReposOk:N0} of {total:N0} | {outcome.LanesPerHolder} | {outcome.ReadTwice} | {lost} |");
            Console.WriteLine($"{mode}: {outcome.Elapsed.TotalSeconds:N1} s, {outcome.Run.Status}, {outcome.Run.ReposOk} of {total} ok, {outcome.ReadTwice} read twice, lanes per holder {outcome.LanesPerHolder}");
        }

        report.AppendLine();
        report.AppendLine("Repositories read twice: daily views requested more than once in the run (a repository in flight on the killed replica is read again by the one that takes its lane over; the merge keeps the data once). Lost: repositories the run did not collect.");
        return report.ToString();
    }

    private static async Task<(CollectionRun Run, TimeSpan Elapsed, string LanesPerHolder, int ReadTwice)> CollectAsync(
        PostgresServer server, GitHubSimulator simulator, IReadOnlyList<string> tokens, int perConnection, int replicas, bool kill, TimeSpan? laneTurn)
    {
        var connectionString = await server.CreateDatabaseAsync("replicas");
        var reads = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var providers = new List<ServiceProvider>();
        try
        {
            for (var r = 0; r < replicas; r++)
            {
                providers.Add(Replica(connectionString, reads, laneTurn));
            }

            var first = providers[0];
            await first.GetRequiredService<ISchemaMigrator>().MigrateAsync();
            var tenant = await first.GetRequiredService<ITenantStore>().CreateAsync("bench", "Benchmark");
            var repositories = first.GetRequiredService<IRepositoryStore>();
            for (var c = 0; c < tokens.Count; c++)
            {
                var connection = await first.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
                    tenant.Id, $"token {c}", GitHubConnectionKind.PersonalAccessToken, simulator.BaseAddress, first.GetRequiredService<ISecretProtector>().Protect(tokens[c])));
                for (var i = 0; i < perConnection; i++)
                {
                    await repositories.AddAsync(tenant.Id, $"owner{c:D2}", $"repo-{i:D4}", connection.Id);
                }
            }

            var request = new CollectionRequest(CollectionTrigger.Manual, "bench", tenant.Id);
            var watch = Stopwatch.StartNew();
            var run = await first.GetRequiredService<ICollectionService>().StartAsync(request);
            foreach (var other in providers.Skip(1))
            {
                await other.GetRequiredService<ICollectionService>().StartAsync(request);
            }

            var survivor = providers[0];
            if (kill)
            {
                // Killed once a third of the repositories are in: its lanes lapse after the lease and the others take them over.
                var runs = survivor.GetRequiredService<ICollectionRunStore>();
                while ((await runs.FindAsync(run.Id))!.ReposOk < tokens.Count * perConnection / 3)
                {
                    await Task.Delay(100);
                }

                var victim = providers[^1];
                providers.Remove(victim);

                // Its work cancelled and its provider torn down, with no lane given back (a process killed writes nothing
                // more; tearing the provider down alone would let its lanes fail on disposed HTTP handlers first).
                (victim.GetRequiredService<ICollectionService>() as IDisposable)?.Dispose();
                await victim.DisposeAsync();
            }

            var finished = await survivor.GetRequiredService<ICollectionService>().WaitAsync(run.Id) ?? throw new InvalidOperationException("The run vanished.");
            foreach (var other in providers.Skip(1))
            {
                await other.GetRequiredService<ICollectionService>().WaitAsync(run.Id);
            }

            watch.Stop();
            if (finished.Status != CollectionRunStatus.Succeeded)
            {
                throw new InvalidOperationException($"The run ended {finished.Status} with {finished.ReposOk} repositories collected.");
            }

            var lanes = await survivor.GetRequiredService<ICollectionLaneStore>().ListAsync(run.Id);
            var holders = string.Join(" / ", lanes.GroupBy(l => l.Holder).Select(g => g.Count()).OrderDescending());
            return (finished, watch.Elapsed, holders, reads.Count(pair => pair.Value > 1));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    private static ServiceProvider Replica(string connectionString, ConcurrentDictionary<string, int> reads, TimeSpan? laneTurn)
    {
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(reads);
        services.AddTransient<ViewsTally>();
        services.AddGhStats()
            .UsePostgres(connectionString)
            .AddGitHubCollector(o =>
            {
                o.RequestsPerMinute = PerMinute;
                o.StarBackfillPagesPerRun = 0;
                o.LeaseDuration = TimeSpan.FromSeconds(10);
                o.ProgressInterval = TimeSpan.FromMilliseconds(500);
                o.LaneTurn = laneTurn ?? o.LaneTurn;
            })
            .ConfigureGitHubApi(o => o.AllowedHosts.Add(new GitHubApiHost { Host = "127.0.0.1", AllowHttp = true, AllowPrivateAddresses = true }));
        services.AddHttpClient(GitHubCollectorOptions.HttpClientName).AddHttpMessageHandler<ViewsTally>();
        return services.BuildServiceProvider();
    }

    /// <summary>Counts each repository's daily-views reads (the weekly figures are another read), to find what a takeover read again.</summary>
    private sealed class ViewsTally(ConcurrentDictionary<string, int> reads) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            if (path.EndsWith("/traffic/views", StringComparison.Ordinal) && request.RequestUri!.Query.Contains("per=day", StringComparison.Ordinal))
            {
                reads.AddOrUpdate(path, 1, (_, n) => n + 1);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
