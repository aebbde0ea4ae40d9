using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// Migration 5 on a database that migration 4 left with traffic and run history: it records the coverage and the last
/// daily read that the history proves, and nothing more.
/// </summary>
public sealed class CoverageBackFillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-backfill-").FullName;

    [Fact]
    public async Task Migration5_BackFillsWhatRunsAndStoredDaysProve()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "old.db")};Pooling=False";
        OldSchema.MigrateTo(connectionString, 4);
        await OldSchema.ExecuteAsync(connectionString,
            "INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 'old', 'Old', '2024-01-01 00:00:00.0000000')",
            "INSERT INTO repositories (id, tenant_id, owner, name, added_at) VALUES " +
            "(10, 1, 'octo', 'early', '2024-01-01 00:00:00.0000000'), (11, 1, 'octo', 'late', '2024-03-11 08:00:00.0000000'), (12, 1, 'octo', 'failing', '2024-01-01 00:00:00.0000000')",

            // Run 1 read every repository tracked then; run 2 spanned midnight and failed 'failing'; run 3 failed as a whole.
            "INSERT INTO collection_runs (id, run_trigger, tenant_id, started_at, finished_at, status, repos_total, repos_ok, repos_failed, api_calls) VALUES " +
            "(1, 'Cron', NULL, '2024-03-10 09:00:00.0000000', '2024-03-10 09:05:00.0000000', 'Succeeded', 2, 2, 0, 10), " +
            "(2, 'Cron', 1, '2024-03-12 23:58:00.0000000', '2024-03-13 00:03:00.0000000', 'CompletedWithErrors', 3, 2, 1, 15), " +
            "(3, 'Cron', 1, '2024-03-14 09:00:00.0000000', '2024-03-14 09:01:00.0000000', 'Failed', 3, 0, 0, 1)",
            "INSERT INTO collection_errors (run_id, repo_id, kind, message, occurred_at) VALUES (2, 12, 'Transient', 'boom', '2024-03-13 00:01:00.0000000')",
            "INSERT INTO traffic_daily (repo_id, day, views, unique_views, clones, unique_clones) VALUES " +
            "(10, '2024-03-01', 5, 2, 1, 1), (10, '2024-02-01', 9, 3, 0, 0), (12, '2024-03-11', 4, 4, 0, 0)");

        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UseSqlite(connectionString);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        var traffic = provider.GetRequiredService<ITrafficStore>();
        var repositories = provider.GetRequiredService<IRepositoryStore>();
        var range = new DateRange(new DateOnly(2024, 1, 31), new DateOnly(2024, 3, 14));

        async Task<Dictionary<DateOnly, TrafficPoint>> DaysOf(long id) =>
            (await traffic.GetTrafficSeriesAsync(1, id, range, TrafficPeriod.Day)).Points.ToDictionary(p => p.Date);

        // early: run 1 proves 02-26..03-10, run 2 (start 03-12, finish 03-13) proves 02-29..03-12; its own old day stays partial.
        var early = await DaysOf(10);
        Coverages(early, "2024-02-01", "2024-03-14").ShouldBe(Expected(("2024-02-01", 'p'), ("2024-02-26", 'p'), ("2024-02-27..2024-03-11", 'c'), ("2024-03-12", 'p')));
        early[new DateOnly(2024, 3, 1)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2024, 3, 1), DayCoverage.Complete, 5, 2, 1, 1));
        early[new DateOnly(2024, 3, 2)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2024, 3, 2), DayCoverage.Complete, 0, 0, 0, 0), "a proven day without a row is a zero GitHub left out");
        (await repositories.GetAsync(1, 10)).LastDailyReadOn.ShouldBe(new DateOnly(2024, 3, 12));

        // late: tracked after run 1 started, so only run 2 proves anything.
        Coverages(await DaysOf(11), "2024-02-01", "2024-03-14").ShouldBe(Expected(("2024-02-29", 'p'), ("2024-03-01..2024-03-11", 'c'), ("2024-03-12", 'p')));
        (await repositories.GetAsync(1, 11)).LastDailyReadOn.ShouldBe(new DateOnly(2024, 3, 12));

        // failing: run 2 recorded an error for it, so only run 1 proves; its stored day of 03-11 is known, but partial.
        Coverages(await DaysOf(12), "2024-02-01", "2024-03-14").ShouldBe(Expected(("2024-02-26", 'p'), ("2024-02-27..2024-03-09", 'c'), ("2024-03-10", 'p'), ("2024-03-11", 'p')));
        (await repositories.GetAsync(1, 12)).LastDailyReadOn.ShouldBe(new DateOnly(2024, 3, 10));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);


    /// <summary>The known days and their coverage ('p' partial, 'c' complete), as "yyyy-MM-dd:p".</summary>
    private static List<string> Coverages(Dictionary<DateOnly, TrafficPoint> days, string from, string to) =>
        [.. days.Values.Where(p => p.Coverage != DayCoverage.NotCollected && p.Date >= DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture) && p.Date <= DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(p => p.Date).Select(p => $"{p.Date:yyyy-MM-dd}:{(p.Coverage == DayCoverage.Complete ? 'c' : 'p')}")];

    /// <summary>Spans of days ("a..b" or one day) with their coverage, as <see cref="Coverages"/> writes them.</summary>
    private static List<string> Expected(params (string Days, char Coverage)[] spans)
    {
        var result = new List<string>();
        foreach (var (days, coverage) in spans)
        {
            var ends = days.Split("..");
            var first = DateOnly.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture);
            var last = DateOnly.Parse(ends[^1], System.Globalization.CultureInfo.InvariantCulture);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                result.Add($"{day:yyyy-MM-dd}:{coverage}");
            }
        }

        return result;
    }
}
