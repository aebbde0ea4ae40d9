using System.Diagnostics;
using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Bench.Collection;

/// <summary>
/// Issue 17's "hostile connection": tenant B's collection time with tenant A present (A's connection answering with
/// endless pages, bodies trickled slowly, and an hour-long Retry-After after a few hundred requests) against B alone,
/// in the same process, alternating the two so drift in the machine's load falls on both. B's time is from the run's
/// start to the last of B's repositories recorded as collected; the run itself also waits for A's lane.
/// </summary>
internal static class HostileConnectionBench
{
    private static readonly DateTimeOffset SimulatedNow = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(30);

    public static async Task<string> RunAsync(int reposB, int reposA, int hostileConnections, int rounds, TimeSpan trickle, int limitAfter)
    {
        var report = new StringBuilder();
        var started = DateTimeOffset.UtcNow;
        var loadBefore = MachineLoad.Read();
        var arms = new List<(bool WithA, Arm Arm)>();
        for (var round = 0; round < rounds; round++)
        {
            // ABBA order: alone, with A, with A, alone, ...
            foreach (var withA in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
            {
                var arm = await MeasureAsync(withA, reposB, reposA, hostileConnections, trickle, limitAfter);
                Console.Error.WriteLine($"hostile: round {round + 1}, {(withA ? "with A" : "B alone")}: B {arm.BTime.TotalSeconds:N1} s, run {arm.RunTime.TotalSeconds:N1} s");
                arms.Add((withA, arm));
            }
        }

        var alone = arms.Where(a => !a.WithA).Select(a => a.Arm.BTime.TotalSeconds).ToList();
        var withHostile = arms.Where(a => a.WithA).Select(a => a.Arm.BTime.TotalSeconds).ToList();
        var ratio = Median(withHostile) / Median(alone);
        report.AppendLine(CultureInfo.InvariantCulture, $"## Hostile connection: tenant B's collection with and without tenant A ({reposB} repositories in B, {reposA} in A over {hostileConnections} hostile connection(s))");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run {started:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- hostile --repos-b {reposB} --repos-a {reposA} --hostile-connections {hostileConnections} --rounds {rounds} --trickle-ms {trickle.TotalMilliseconds} --limit-after {limitAfter}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores shared with other work; load average {loadBefore} at the start, {MachineLoad.Read()} at the end");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Simulator latency 150 to 400 ms a request (seeded); A's connection(s): endless pages, bodies trickled over {trickle.TotalSeconds:N1} s, an hour-long Retry-After after {limitAfter} requests. Collector defaults but the star backfill (off).");
        report.AppendLine();
        report.AppendLine("| round | tenants | B's time | the run's time | B ok | A ok / failed / deferred | A's requests | A's hour-long refusals | A's errors (first) |");
        report.AppendLine("|---:|---|---:|---:|---:|---|---:|---:|---|");
        for (var i = 0; i < arms.Count; i++)
        {
            var (withA, arm) = arms[i];
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {(i / 2) + 1} | {(withA ? "A + B" : "B alone")} | {arm.BTime.TotalSeconds:N1} s | {arm.RunTime.TotalSeconds:N1} s | {arm.BOk} | {(withA ? $"{arm.AOk} / {arm.AFailed} / {arm.ADeferred}" : "-")} | {(withA ? arm.ARequests.ToString("N0", CultureInfo.InvariantCulture) : "-")} | {(withA ? arm.ALimited.ToString(CultureInfo.InvariantCulture) : "-")} | {arm.AErrors} |");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"**B with A / B alone (medians): {ratio:N2}x** (target at most 1.1x): {Median(withHostile):N1} s against {Median(alone):N1} s.");
        return report.ToString();
    }

    private static async Task<Arm> MeasureAsync(bool withA, int reposB, int reposA, int hostileConnections, TimeSpan trickle, int limitAfter)
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
        {
            Latency = TimeSpan.FromMilliseconds(150),
            MaxLatency = TimeSpan.FromMilliseconds(400),
            LatencySeed = 17,
            SimulatedNow = SimulatedNow,
        });
        simulator.AddRepositories("b", reposB);
        var tokenB = simulator.AddToken(canPushTo: "b/*");
        await using var ghstats = await BenchCollector.StartAsync(simulator, TimeProvider.System);
        var (tenantB, _) = await ghstats.AddTenantAsync("b", tokenB, "b", reposB);
        var hostileTokens = new List<string>();
        if (withA)
        {
            simulator.AddRepositories("a", reposA);
            var a = await ghstats.Services.GetRequiredService<ITenantStore>().CreateAsync("a", "Benchmark a");
            for (var c = 0; c < hostileConnections; c++)
            {
                var token = simulator.AddToken(canPushTo: "a/*");
                var hostility = simulator.HostilityOf(token);
                hostility.EndlessPages = true;
                hostility.BodyTrickle = trickle;
                hostility.SecondaryLimitAfter = limitAfter;
                hostileTokens.Add(token);
                var connection = await ghstats.AddConnectionAsync(a.Id, token);
                for (var i = c; i < reposA; i += hostileConnections)
                {
                    await ghstats.Repositories.AddAsync(a.Id, "a", $"repo-{i:D5}", connection.Id);
                }
            }
        }

        var watch = Stopwatch.StartNew();
        var run = await ghstats.CollectAsync(tenantId: null, RunLimit);
        watch.Stop();
        var b = await ghstats.Repositories.ListTrackedAsync(tenantB.Id);
        if (b.Any(r => r.LastCollectedAt is null || r.LastStatus != "ok"))
        {
            throw new InvalidOperationException($"Tenant B's run ended with {b.Count(r => r.LastStatus == "ok")} of {reposB} repositories collected ({run.Status}).");
        }

        var bTime = b.Max(r => r.LastCollectedAt!.Value) - run.StartedAt;
        var errors = await ghstats.ErrorsAsync(run.Id);
        var deferred = errors.Where(e => e.Kind == CollectionErrorKind.RateLimited && e.RepositoryId is null)
            .Sum(e => int.Parse(e.Message.AsSpan(0, e.Message.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture));
        var firstErrors = string.Join("; ", errors.Select(e => Shorten(e.Message)).Distinct().Take(3));
        return new Arm(
            bTime,
            watch.Elapsed,
            b.Count,
            run.ReposOk - b.Count,
            run.ReposFailed,
            deferred,
            hostileTokens.Sum(simulator.Stats.RequestsFor),
            hostileTokens.Sum(t => simulator.HostilityOf(t).SecondaryLimited),
            firstErrors.Length == 0 ? "-" : firstErrors.Replace("|", "/", StringComparison.Ordinal));
    }

    private static string Shorten(string message) => message.Length <= 140 ? message : message[..140] + "...";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Arm(TimeSpan BTime, TimeSpan RunTime, int BOk, int AOk, int AFailed, int ADeferred, long ARequests, long ALimited, string AErrors);
}
