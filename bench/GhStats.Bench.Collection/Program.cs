using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GhStats;
using GhStats.Bench.Collection;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project bench/GhStats.Bench.Collection -- [--repos 1000] [--latency-ms 50] [--concurrency 8]
//    or: dotnet run -c Release --project bench/GhStats.Bench.Collection -- etags [--repos 50] [--days 5]
//    or: dotnet run -c Release --project bench/GhStats.Bench.Collection -- replicas [--connections 10] [--repos-per-connection 40] [--latency-ms 250] [--replicas 3] [--lane-turn-seconds 60]
//    or: dotnet run -c Release --project bench/GhStats.Bench.Collection -- cadence [--repos 1000] [--rest 1]
//    or: dotnet run -c Release --project bench/GhStats.Bench.Collection -- hostile|one-token ... (BenchModes.Usage)
if (args.Contains("replicas"))
{
    var replicas = await ReplicasBench.RunAsync(
        Argument(args, "--connections", 10), Argument(args, "--repos-per-connection", 40), TimeSpan.FromMilliseconds(Argument(args, "--latency-ms", 250)), Argument(args, "--replicas", 3),
        Argument(args, "--lane-turn-seconds", -1) is var turn and >= 0 ? TimeSpan.FromSeconds(turn) : null);
    Console.WriteLine(replicas);
    var replicaResults = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
    Directory.CreateDirectory(replicaResults);
    await File.WriteAllTextAsync(Path.Combine(replicaResults, "collect-replicas.md"), replicas);
    return;
}

if (args.Contains("cadence"))
{
    // GraphQL counters (the default) always; with --rest 1 the same runs with REST counters too.
    var cadence = await CadenceBench.RunAsync(Argument(args, "--repos", 1000), Argument(args, "--rest", 0) == 1 ? [100, 0] : [100]);
    Console.WriteLine(cadence);
    var cadenceResults = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
    Directory.CreateDirectory(cadenceResults);
    await File.WriteAllTextAsync(Path.Combine(cadenceResults, "collect-cadence.md"), cadence);
    return;
}

if (await BenchModes.TryRunAsync(args))
{
    return;
}

if (args.Contains("etags"))
{
    var etags = await ConditionalRequestsBench.RunAsync(Argument(args, "--repos", 50), Argument(args, "--days", 5));
    Console.WriteLine(etags);
    var etagResults = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
    Directory.CreateDirectory(etagResults);
    await File.WriteAllTextAsync(Path.Combine(etagResults, "collect-etags.md"), etags);
    return;
}

var repos = Argument(args, "--repos", 1000);
var latency = TimeSpan.FromMilliseconds(Argument(args, "--latency-ms", 50));
var concurrency = Argument(args, "--concurrency", 8);
const int PerMinute = 900;

await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
{
    Latency = latency,
    SecondaryLimitPerMinute = PerMinute,
    MaxConcurrentRequests = 100,
    SimulatedNow = DateTimeOffset.UtcNow,
});
simulator.Clock.Set(DateTimeOffset.UtcNow);
using var key = RSA.Create(2048);
var app = simulator.AddApp(1001, key.ExportRSAPublicKeyPem(), 2002, "bench/*");

// An installation's primary limit grows with its repositories up to 12,500 an hour; the secondary limit is what binds here.
app.InstallationRateLimit = 12_500;
for (var i = 0; i < repos; i++)
{
    simulator.AddRepository("bench", $"repo-{i:D4}", seed: i);
}

var folder = Directory.CreateTempSubdirectory("ghstats-bench-collect-").FullName;
var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));

// GhStats' calendar moves a day with the simulator's, so the next day's run makes the daily reads (due once a UTC day).
var calendar = new RunCalendar(DateTimeOffset.UtcNow);
services.AddSingleton<TimeProvider>(calendar);
services.AddGhStats()
    .UseSqlite($"Data Source={Path.Combine(folder, "ghstats.db")}")
    .AddGitHubCollector(o =>
    {
        o.MaxConcurrency = concurrency;
        o.RequestsPerMinute = PerMinute;
    })

    // The simulator listens on loopback over http: allowed explicitly, as an operator would allow a GitHub Enterprise host.
    .ConfigureGitHubApi(o => o.AllowedHosts.Add(new GitHubApiHost { Host = "127.0.0.1", AllowHttp = true, AllowPrivateAddresses = true }));
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
var tenant = await provider.GetRequiredService<ITenantStore>().CreateAsync("bench", "Benchmark");
await provider.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
    tenant.Id, "bench app", GitHubConnectionKind.App, simulator.BaseAddress,
    provider.GetRequiredService<ISecretProtector>().Protect(key.ExportRSAPrivateKeyPem()), 1001, 2002));
var repositories = provider.GetRequiredService<IRepositoryStore>();
for (var i = 0; i < repos; i++)
{
    await repositories.AddAsync(tenant.Id, "bench", $"repo-{i:D4}");
}

var collection = provider.GetRequiredService<ICollectionService>();
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"## Collection through the GitHub simulator ({repos:N0} repositories, {latency.TotalMilliseconds:N0} ms per call, {concurrency} at once)");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"- Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- --repos {repos} --latency-ms {latency.TotalMilliseconds} --concurrency {concurrency}`");
report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; store: SQLite file; one GitHub App installation");
report.AppendLine(CultureInfo.InvariantCulture, $"- Limits: at most {PerMinute} requests in any minute (GitHub's secondary limit, enforced by the simulator too), at most 100 concurrent");
report.AppendLine();
report.AppendLine("| run | API calls | calls per repository | time | bound (what binds) | time / bound | max concurrent seen | secondary-limit hits | primary-limit hits | repositories ok |");
report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var name in new[] { "first (weekly figures due)", "next day (daily only)" })
{
    simulator.Stats.Reset();
    var watch = Stopwatch.StartNew();
    var run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "bench", tenant.Id));
    var finished = await collection.WaitAsync(run.Id) ?? throw new InvalidOperationException("The run vanished.");
    watch.Stop();
    if (finished.Status != CollectionRunStatus.Succeeded || finished.ReposOk != repos)
    {
        throw new InvalidOperationException($"The run ended {finished.Status} with {finished.ReposOk} of {repos} repositories collected.");
    }

    var calls = simulator.Stats.TotalRequests;
    var bound = new CollectionBound(calls, latency, concurrency, PerMinute);
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {name} | {calls:N0} | {(double)calls / repos:N2} | {watch.Elapsed.TotalSeconds:N1} s | {bound.Value.TotalSeconds:N1} s ({bound.Binding}) | {watch.Elapsed / bound.Value:N2}x | {simulator.Stats.MaxConcurrent} | {simulator.Stats.SecondaryLimitHits} | {simulator.Stats.PrimaryLimitHits} | {finished.ReposOk:N0} |");
    Console.WriteLine($"{name}: {calls} calls in {watch.Elapsed.TotalSeconds:N1} s, bound {bound.Value.TotalSeconds:N1} s");

    // The next run is a day later for GitHub and for GhStats alike; weekly figures are then not due again.
    simulator.Clock.Advance(TimeSpan.FromDays(1));
    calendar.Offset += TimeSpan.FromDays(1);
    if (name.StartsWith("first", StringComparison.Ordinal))
    {
        await Task.Delay(TimeSpan.FromSeconds(61));
    }
}

Console.WriteLine();
Console.WriteLine(report);
var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, $"collect-{repos}.md"), report.ToString());
Directory.Delete(folder, recursive: true);

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
