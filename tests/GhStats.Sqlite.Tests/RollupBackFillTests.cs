using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// Migration 17 on a database that earlier migrations left with years of stored days: the rollups it back-fills give the
/// tenant summary exactly what the stored days say, and later writes add to them.
/// </summary>
public sealed class RollupBackFillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-rollups-").FullName;

    [Fact]
    public async Task Migration17_BackFillsRollupsThatSummariseTheStoredDays()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "old.db")};Pooling=False";
        OldSchema.MigrateTo(connectionString, 16);

        // About 8 years of days for one repository, a year for another, some days missing, partial and complete mixed.
        static string Days(int repository, int count) =>
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + count + ") " +
            "INSERT INTO traffic_daily (repo_id, day, views, unique_views, clones, unique_clones, coverage) " +
            $"SELECT {repository}, date('2024-03-14', '-' || i || ' days'), 100 + (i * 37) % 500, (i * 13) % 100, 10 + (i * 11) % 50, i % 10, " +
            "CASE WHEN i % 5 = 0 THEN 1 ELSE 2 END FROM n WHERE i % 7 <> 3";
        await OldSchema.ExecuteAsync(connectionString,
            "INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 'old', 'Old', '2024-01-01 00:00:00.0000000')",
            "INSERT INTO repositories (id, tenant_id, owner, name, added_at) VALUES " +
            "(10, 1, 'octo', 'long', '2016-01-01 00:00:00.0000000'), (11, 1, 'octo', 'short', '2023-01-01 00:00:00.0000000')",
            Days(10, 2999),
            Days(11, 400));

        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UseSqlite(connectionString);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        var traffic = provider.GetRequiredService<ITrafficStore>();

        var last = new DateOnly(2024, 3, 14);
        DateRange[] ranges = [new(last.AddDays(-3652), last), new(last.AddDays(-364), last), new(last.AddDays(-89), last), new(last.AddDays(-2000), last.AddDays(-1000)), new(last, last)];
        foreach (var range in ranges)
        {
            (await traffic.GetTenantSummaryAsync(1, range)).Select(s => (s.Repository.Id, s.Totals)).ShouldBe(await FromStoredDaysAsync(traffic, range));
        }

        // A write after the upgrade adds to the back-filled blocks: a day raised, a missing day, a day before any other.
        await traffic.MergeTrafficDaysAsync([new TrafficDay(10, last.AddDays(-4), 10_000, 900, 5, 5), new TrafficDay(10, last.AddDays(-10), 1, 1, 1, 1), new TrafficDay(11, last.AddDays(-1500), 7, 7, 0, 0)]);
        foreach (var range in ranges)
        {
            (await traffic.GetTenantSummaryAsync(1, range)).Select(s => (s.Repository.Id, s.Totals)).ShouldBe(await FromStoredDaysAsync(traffic, range));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The reference: each repository's totals summed in memory from its stored days, read through the export.</summary>
    private static async Task<List<(long Id, TrafficTotals Totals)>> FromStoredDaysAsync(ITrafficStore traffic, DateRange range)
    {
        var days = new List<CoveredTrafficDay>();
        await foreach (var day in traffic.StreamTenantTrafficDaysAsync(1, range))
        {
            days.Add(day);
        }

        return [.. days.GroupBy(d => d.Traffic.RepositoryId).Select(g =>
        {
            var stored = g.Where(d => d.Coverage != DayCoverage.NotCollected).ToList();
            return (g.Key, new TrafficTotals(
                stored.Sum(d => (long)d.Traffic.Views), stored.Sum(d => (long)d.Traffic.Clones),
                stored.Select(d => (long)d.Traffic.UniqueViews).DefaultIfEmpty().Max(), stored.Select(d => (long)d.Traffic.UniqueClones).DefaultIfEmpty().Max(),
                stored.Count, range.Days, stored.Count, stored.Count(d => d.Coverage == DayCoverage.Partial)));
        })];
    }
}
