using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// Migration 19 on a database with stored counters: each repository's latest counters, back-filled onto its row, give
/// the tenant summary each repository's last counters in any range (as read from the stored days), and later writes keep
/// them so.
/// </summary>
public sealed class LatestStatsBackFillTests : IDisposable
{
    private static readonly DateOnly Last = new(2024, 3, 14);

    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-latest-stats-").FullName;

    [Fact]
    public async Task Migration19_BackFillsEachRepositorysLatestCounters()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "old.db")};Pooling=False";
        OldSchema.MigrateTo(connectionString, 18);

        // Repository 10: a year of counters with gaps; 11: none; 12: one day, long ago.
        await OldSchema.ExecuteAsync(connectionString,
            "INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 'old', 'Old', '2024-01-01 00:00:00.0000000')",
            "INSERT INTO repositories (id, tenant_id, owner, name, added_at) VALUES " +
            "(10, 1, 'octo', 'busy', '2016-01-01 00:00:00.0000000'), (11, 1, 'octo', 'none', '2023-01-01 00:00:00.0000000'), " +
            "(12, 1, 'octo', 'once', '2020-01-01 00:00:00.0000000')",
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 365) " +
            "INSERT INTO repo_daily_stats (repo_id, day, stars, forks, watchers, open_issues, size_kb) " +
            "SELECT 10, date('2024-03-14', '-' || i || ' days'), 1000 - i, i % 7, 3, i % 11, 5000000000 + i FROM n WHERE i % 5 <> 2",
            "INSERT INTO repo_daily_stats (repo_id, day, stars, forks, watchers, open_issues, size_kb) VALUES (12, '2023-06-01', 4, 0, 1, 2, 30)");

        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UseSqlite(connectionString);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        var traffic = provider.GetRequiredService<ITrafficStore>();

        // On the rows: the day after the last write, the counters of that day.
        var latest = await LatestOnRowsAsync(connectionString);
        latest[10].ShouldBe(("2024-03-14", 1000L, 5_000_000_000L));
        latest[11].ShouldBe((null, null, null));
        latest[12].ShouldBe(("2023-06-01", 4L, 30L));

        DateRange[] ranges =
        [
            new(Last.AddDays(-89), Last), new(Last.AddDays(-364), Last.AddDays(30)), new(Last.AddDays(-100), Last.AddDays(-3)),
            new(Last.AddDays(-400), Last.AddDays(-300)), new(Last.AddDays(1), Last.AddDays(9)), new(new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 1)),
        ];
        foreach (var range in ranges)
        {
            await ShouldMatchStoredDaysAsync(traffic, range);
        }

        // Later writes: an older day rewritten (the latest stays), a day after the latest, and a first day for 11.
        await traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(10, Last.AddDays(-3), 1, 1, 1, 1, 1), new RepositoryDailyStats(12, Last.AddDays(-1), 9, 9, 9, 9, 9)]);
        await traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(11, Last.AddDays(-40), 7, 7, 7, 7, 7)]);
        (await LatestOnRowsAsync(connectionString))[10].ShouldBe(("2024-03-14", 1000L, 5_000_000_000L));
        foreach (var range in ranges)
        {
            await ShouldMatchStoredDaysAsync(traffic, range);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The reference: each repository's last stored counters in the range, read day by day.</summary>
    private static async Task ShouldMatchStoredDaysAsync(ITrafficStore traffic, DateRange range)
    {
        foreach (var summary in await traffic.GetTenantSummaryAsync(1, range))
        {
            var days = await traffic.GetRepositoryStatsAsync(1, summary.Repository.Id, range);
            summary.LatestStats.ShouldBe(days.Count == 0 ? null : days[^1], $"repository {summary.Repository.Id}, {range.From} to {range.To}");
        }
    }

    private static async Task<Dictionary<long, (string? Day, long? Stars, long? SizeKb)>> LatestOnRowsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, latest_stats_day, latest_stars, latest_size_kb FROM repositories ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<long, (string?, long?, long?)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt64(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1)[..10], reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }

        return rows;
    }
}
