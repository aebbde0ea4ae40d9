using System.Diagnostics;
using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.Testing.GitHub;

namespace GhStats.Bench.Collection;

/// <summary>
/// Issue 17's "one token": how many repositories one personal access token (5,000 REST calls an hour, 250 ms a call)
/// keeps at hourly freshness, and how many daily with no lost day. An hour cannot be waited out per data point, so this
/// measures real runs of <c>--repos</c> repositories at 250 ms (the first run, hourly runs within a day, the first run of
/// the next day) and counts per repository what GitHub charges (REST calls but 304s; GraphQL points apart) and how long a
/// run takes; the capacities are then computed from those counts against the budget, and from the times against the
/// hour and the day. The bounds are what the budget allows if every repository cost only the reads its freshness needs.
/// </summary>
internal static class OneTokenBench
{
    private const int CallsPerHour = 5000;
    private const int GraphQLPointsPerHour = 5000;

    // A Wednesday 06:00 UTC, so the week's first run (weekly figures due) is the bench's first.
    private static readonly DateTimeOffset FirstDay = new(2026, 3, 4, 6, 0, 0, TimeSpan.Zero);

    public static async Task<string> RunAsync(int repos, TimeSpan latency)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = MachineLoad.Read();
        var calendar = new RunCalendar(FirstDay);

        // The budget is applied below, in the arithmetic; the token's own limit is set out of the way so every run completes.
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = latency, SimulatedNow = FirstDay });
        simulator.AddRepositories("one", repos);
        var token = simulator.AddToken(rateLimit: 1_000_000, canPushTo: "one/*");
        await using var ghstats = await BenchCollector.StartAsync(simulator, calendar);
        var (tenant, _) = await ghstats.AddTenantAsync("one", token, "one", repos);

        var runs = new List<Measured>();
        async Task<Measured> RunOnceAsync(string name, TimeSpan jump)
        {
            calendar.Offset += jump;
            simulator.Clock.Set(calendar.GetUtcNow());
            simulator.Stats.Reset();
            var watch = Stopwatch.StartNew();
            var run = await ghstats.CollectAsync(tenant.Id, TimeSpan.FromHours(2));
            watch.Stop();
            if (run.Status != CollectionRunStatus.Succeeded || run.ReposOk != repos)
            {
                throw new InvalidOperationException($"The run '{name}' ended {run.Status} with {run.ReposOk} of {repos} repositories collected.");
            }

            var stats = simulator.Stats;
            var measured = new Measured(
                name,
                watch.Elapsed,
                stats.RestRequests,
                stats.ChargedRequests,
                stats.NotModified,
                stats.GraphQLRequests,
                stats.GraphQLPointsCharged,
                string.Join(", ", Enum.GetValues<SimulatedEndpoint>()
                    .Where(e => e != SimulatedEndpoint.GraphQL && stats.Requests(e) > 0)
                    .Select(e => FormattableString.Invariant($"{e} {(stats.Requests(e) - stats.NotModifiedOf(e)) / (double)repos:0.##}"))));
            Console.Error.WriteLine($"one-token: {name}: {measured.Charged} charged, {measured.NotModified} 304s, {measured.GraphQLCalls} GraphQL calls in {watch.Elapsed.TotalSeconds:N1} s");
            runs.Add(measured);
            return measured;
        }

        var first = await RunOnceAsync("day 1, 06:00: the first run (weekly figures due)", TimeSpan.Zero);
        var hourly1 = await RunOnceAsync("day 1, an hour later", TimeSpan.FromHours(1));
        var hourly2 = await RunOnceAsync("day 1, two hours later", TimeSpan.FromHours(1));
        var dayStart = await RunOnceAsync("day 2: the first run of a UTC day", TimeSpan.FromHours(22));
        var hourly3 = await RunOnceAsync("day 2, an hour later", TimeSpan.FromHours(1));

        double PerRepo(long value) => value / (double)repos;
        var hourly = new[] { hourly1, hourly2, hourly3 };
        var chargedHourly = hourly.Average(r => PerRepo(r.Charged));
        var chargedDayStart = PerRepo(dayStart.Charged);
        var weeklyExtra = Math.Max(0, PerRepo(first.Charged) - chargedDayStart);
        var pointsHourly = hourly.Average(r => PerRepo(r.GraphQLPoints));
        var secondsHourly = hourly.Average(r => r.Time.TotalSeconds / repos);
        var secondsDayStart = dayStart.Time.TotalSeconds / repos;

        // Hourly freshness: every hour's run must fit the hour's calls, the heaviest (the day's first) included, and the hour itself.
        var hourlyByBudget = CallsPerHour / chargedDayStart;
        var hourlyByBudgetSpread = CallsPerHour / (chargedHourly + ((chargedDayStart - chargedHourly) / 24));
        var hourlyByTime = 3600 / secondsDayStart;
        // With the cadence an hourly run reads no counters: no GraphQL points bind it.
        var hourlyByPoints = pointsHourly > 0 ? GraphQLPointsPerHour / pointsHourly : double.PositiveInfinity;
        var hourlyCapacity = Math.Min(Math.Min(hourlyByBudget, hourlyByTime), hourlyByPoints);
        const double HourlyBound = CallsPerHour / 2.0;

        // Daily with no lost day: every repository read once a UTC day (its day's first read), the week's figures once a week;
        // hourly runs spend each hour's 5,000 and defer the rest, the longest-waiting first, to the next hour.
        var dailyCharged = chargedDayStart + (weeklyExtra / 7);
        var dailyByBudget = CallsPerHour * 24 / dailyCharged;
        var dailyByTime = 86_400 / secondsDayStart;
        var dailyByPoints = GraphQLPointsPerHour * 24 / Math.Max(PerRepo(dayStart.GraphQLPoints), 1e-9);
        var dailyCapacity = Math.Min(Math.Min(dailyByBudget, dailyByTime), dailyByPoints);
        var dailyBound = CallsPerHour * 24 / (5 + (2.0 / 7));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## One token: repositories kept fresh by 5,000 calls an hour ({repos} repositories measured, {latency.TotalMilliseconds:N0} ms a call)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run {startedAt:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- one-token --repos {repos} --latency-ms {latency.TotalMilliseconds}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores shared with other work; load average {loadBefore} at the start, {MachineLoad.Read()} at the end");
        report.AppendLine("- Measured: five real runs through the simulator (one personal access token, collector defaults: 4 repositories of a connection at once, GraphQL counters, conditional requests; star backfill off). GhStats' and GitHub's calendars jump between runs; time within a run is real.");
        report.AppendLine("- Counted by the simulator per repository: charged REST calls (304s are free), 304s, GraphQL points (a budget of their own, 5,000 an hour).");
        report.AppendLine();
        report.AppendLine("| run | time | time per repository | REST calls | charged per repository | 304s per repository | GraphQL calls | GraphQL points per repository | charged per repository by endpoint |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in runs)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Time.TotalSeconds:N1} s | {r.Time.TotalMilliseconds / repos:N0} ms | {r.RestCalls:N0} | {PerRepo(r.Charged):N2} | {PerRepo(r.NotModified):N2} | {r.GraphQLCalls} | {PerRepo(r.GraphQLPoints):N3} | {r.ByEndpoint} |");
        }

        report.AppendLine();
        report.AppendLine("Computed from the counts above (5,000 calls an hour = 120,000 a day):");
        report.AppendLine();
        report.AppendLine("| freshness | by the call budget | by time (4 at once, 250 ms) | by GraphQL points | capacity | bound the budget sets | capacity / bound | target |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| hourly (every hour's run in its hour, the day's first included) | {hourlyByBudget:N0} | {hourlyByTime:N0} | {(double.IsInfinity(hourlyByPoints) ? "(none hourly)" : hourlyByPoints.ToString("N0", CultureInfo.InvariantCulture))} | **{hourlyCapacity:N0}** | {HourlyBound:N0} (views + clones, 2 calls) | {hourlyCapacity / HourlyBound:N2}x | 2,000 |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| daily, no lost day (one read a UTC day, weekly figures once a week) | {dailyByBudget:N0} | {dailyByTime:N0} | {dailyByPoints:N0} | **{dailyCapacity:N0}** | {dailyBound:N0} (views, clones, referrers, paths, releases + 2/7 weekly) | {dailyCapacity / dailyBound:N2}x | 20,000 |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Charged per repository: {chargedHourly:N2} in an hourly run, {chargedDayStart:N2} in the first run of a day, {weeklyExtra:N2} more in the week's first. With the day's daily reads spread evenly over its 24 runs instead of all in the first, the call budget would keep {hourlyByBudgetSpread:N0} hourly.");
        return report.ToString();
    }

    private sealed record Measured(string Name, TimeSpan Time, long RestCalls, long Charged, long NotModified, long GraphQLCalls, long GraphQLPoints, string ByEndpoint);
}
