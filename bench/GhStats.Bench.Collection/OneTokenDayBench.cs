using System.Diagnostics;
using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.Testing.GitHub;

namespace GhStats.Bench.Collection;

/// <summary>
/// Issue 17's "one token", hourly, run rather than computed: a day of hourly runs under a real budget. One token's limit
/// is scaled to the repositories measured (5,000 calls an hour for <c>--as</c> repositories, so <c>--repos</c> of them
/// get the same calls per repository and hour) and enforced by the simulator, whose calendar is GhStats' (so moving it an
/// hour resets the limit as the hour would). After a first run the day before (everything due), 24 runs about an hour
/// apart: each counts the repositories whose views and clones it read (kept at hourly freshness), the ones it deferred,
/// and at the end of the day how many had their once-a-day reads made that day.
/// </summary>
internal static class OneTokenDayBench
{
    private const int CallsPerHour = 5000;

    // A Tuesday 00:05 UTC: the day before the measured Wednesday, so the weekly figures fall in the first run, not the day.
    private static readonly DateTimeOffset DayBefore = new(2026, 3, 3, 0, 5, 0, TimeSpan.Zero);

    public static async Task<string> RunAsync(int repos, int asRepos, TimeSpan latency)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = MachineLoad.Read();
        var limit = (int)Math.Round(CallsPerHour * (double)repos / asRepos);
        var calendar = new RunCalendar(DayBefore);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Latency = latency, SimulatedNow = DayBefore, WallClock = calendar });
        simulator.AddRepositories("one", repos);
        var token = simulator.AddToken(rateLimit: limit, canPushTo: "one/*");
        await using var ghstats = await BenchCollector.StartAsync(simulator, calendar);
        var (tenant, _) = await ghstats.AddTenantAsync("one", token, "one", repos);

        var rows = new List<string>();
        async Task<int> RunAtAsync(DateTimeOffset at, string name)
        {
            calendar.Offset += at - calendar.GetUtcNow();
            simulator.Clock.Set(calendar.GetUtcNow());
            simulator.Stats.Reset();
            var watch = Stopwatch.StartNew();
            var run = await ghstats.CollectAsync(tenant.Id, TimeSpan.FromHours(1));
            watch.Stop();
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            var tracked = await ghstats.Repositories.ListAsync(tenant.Id);
            var fresh = tracked.Count(r => r.LastCollectedAt >= at && r.LastStatus == "ok" && r.LastDailyReadOn == day);
            var dailyDone = tracked.Count(r => r.DailyCollectedOn == day);
            var deferred = repos - run.ReposOk - run.ReposFailed;
            var stats = simulator.Stats;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {at:HH:mm} | {watch.Elapsed.TotalSeconds:N1} s | {run.Status} | {fresh} | {deferred} | {run.ReposFailed} | {stats.ChargedRequests:N0} | {stats.NotModified:N0} | {stats.PrimaryLimitHits} | {dailyDone} |"));
            Console.Error.WriteLine($"one-token-day: {name} {at:HH:mm}: {fresh} fresh, {deferred} deferred, {stats.ChargedRequests} charged, daily done {dailyDone}/{repos} in {watch.Elapsed.TotalSeconds:N1} s");
            return fresh;
        }

        await RunAtAsync(DayBefore, "the day before: first run ever");

        // A window resets an hour after its first request, a moment after its run started: runs 61 minutes apart.
        var day1 = DayBefore.AddDays(1);
        var hourly = new List<int>();
        for (var i = 0; i < 24; i++)
        {
            hourly.Add(await RunAtAsync(day1.AddMinutes(61 * i), i == 0 ? "the day's first run" : "hourly"));
        }

        var dayOne = DateOnly.FromDateTime(day1.UtcDateTime);
        var end = await ghstats.Repositories.ListAsync(tenant.Id);
        var dailyOfDay = end.Count(r => r.DailyCollectedOn == dayOne);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## One token, a day of hourly runs under the budget ({repos} repositories with {limit:N0} calls an hour, as {asRepos:N0} with 5,000; {latency.TotalMilliseconds:N0} ms a call)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run {startedAt:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- one-token-day --repos {repos} --as {asRepos} --latency-ms {latency.TotalMilliseconds}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores shared with other work; load average {loadBefore} at the start, {MachineLoad.Read()} at the end");
        report.AppendLine();
        report.AppendLine("| run | at | time | status | views and clones read (hourly fresh) | deferred | failed | charged | 304s | limit hits | daily reads done that day (cumulative) |");
        report.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.AppendLine(row);
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Hourly freshness: {hourly.Count(f => f == repos)} of 24 runs read every repository's views and clones (fewest in a run: {hourly.Min()} of {repos}); daily reads made that day: {dailyOfDay} of {repos}.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"At 5,000 calls an hour this is {asRepos:N0} repositories: {(hourly.All(f => f == repos) ? "every one kept hourly" : "NOT every one kept hourly")}, {(dailyOfDay == repos ? "every one's daily reads made within the day" : "NOT every one's daily reads made within the day")}; bound 2,500 (views and clones, 2 calls an hour), {asRepos / 2500.0:N2}x of it.");
        return report.ToString();
    }
}
