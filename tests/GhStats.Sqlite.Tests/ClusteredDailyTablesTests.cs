using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// Migration 18 on a database that migration 17 left with stored days, counters and blocks: the three per-day tables
/// become <c>WITHOUT ROWID</c> tables holding exactly the rows they held, with their keys and foreign keys, and the store
/// reads and writes them as before.
/// </summary>
public sealed class ClusteredDailyTablesTests : IDisposable
{
    private static readonly string[] Tables = ["traffic_daily", "repo_daily_stats", "traffic_rollups"];

    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-clustered-").FullName;

    [Fact]
    public async Task Migration18_ClustersThePerDayTables_AndKeepsEveryRow()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "old.db")};Pooling=False";
        OldSchema.MigrateTo(connectionString, 16);
        await OldSchema.ExecuteAsync(connectionString,
            "INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 'old', 'Old', '2024-01-01 00:00:00.0000000')",
            "INSERT INTO repositories (id, tenant_id, owner, name, added_at) VALUES " +
            "(10, 1, 'octo', 'long', '2016-01-01 00:00:00.0000000'), (11, 1, 'octo', 'short', '2023-01-01 00:00:00.0000000')");

        // Days as version 16 stored them; migration 17 back-fills their blocks (the store's own, RollupBackFillTests).
        // Today's store cannot write at version 17: its 4-day blocks have later columns.
        var before = new List<TrafficDay>();
        for (var i = 0; i < 900; i++)
        {
            before.Add(new TrafficDay(10 + (i % 2), new DateOnly(2024, 3, 14).AddDays(-i), 100 + i, i % 40, 10 + (i % 13), i % 5));
        }

        await OldSchema.ExecuteAsync(connectionString,
            "INSERT INTO traffic_daily (repo_id, day, views, unique_views, clones, unique_clones, coverage) VALUES " +
            string.Join(", ", before.Select(d => FormattableString.Invariant(
                $"({d.RepositoryId}, '{d.Day:yyyy-MM-dd}', {d.Views}, {d.UniqueViews}, {d.Clones}, {d.UniqueClones}, 2)"))));
        OldSchema.MigrateTo(connectionString, 17);

        // Counters as version 17 stored them (today's store also keeps the latest on the repository, a later column).
        await OldSchema.ExecuteAsync(connectionString,
            "INSERT INTO repo_daily_stats (repo_id, day, stars, forks, watchers, open_issues, size_kb) VALUES " +
            "(10, '2024-03-13', 5, 1, 2, 3, 40), (10, '2024-03-14', 6, 1, 2, 3, 41)");

        var rowsBefore = await DumpAsync(connectionString);
        rowsBefore["traffic_daily"].Count.ShouldBe(900);
        rowsBefore["traffic_rollups"].ShouldNotBeEmpty();
        (await TableSqlAsync(connectionString)).Values.ShouldAllBe(sql => !sql.EndsWith("WITHOUT ROWID", StringComparison.Ordinal));

        OldSchema.MigrateTo(connectionString, 18);

        var definitions = await TableSqlAsync(connectionString);
        foreach (var table in Tables)
        {
            definitions[table].ShouldEndWith("WITHOUT ROWID");
            definitions[table].ShouldContain($"CONSTRAINT \"pk_{table}\" PRIMARY KEY");
            definitions[table].ShouldContain($"CONSTRAINT \"fk_{table}_repositories\" FOREIGN KEY (\"repo_id\") REFERENCES \"repositories\" (\"id\")");
        }

        definitions.Keys.ShouldNotContain(k => k.EndsWith("_clustered", StringComparison.Ordinal));
        var rowsAfter = await DumpAsync(connectionString);
        foreach (var table in Tables)
        {
            rowsAfter[table].ShouldBe(rowsBefore[table], table);
        }

        // The store goes on as before (at today's version): a write adds to the copied blocks, and the summary still
        // equals the stored days.
        await using var provider = await StoreAtAsync(connectionString, migrate: true);
        var store = provider.GetRequiredService<ITrafficStore>();
        await store.MergeTrafficDaysAsync([new TrafficDay(10, new DateOnly(2024, 3, 14), 5_000, 90, 1, 1), new TrafficDay(11, new DateOnly(2025, 1, 1), 7, 7, 0, 0)]);
        var range = new DateRange(new DateOnly(2023, 1, 1), new DateOnly(2025, 1, 1));
        var summary = (await store.GetTenantSummaryAsync(1, range)).ToDictionary(s => s.Repository.Id);
        summary[10].Totals.Views.ShouldBe(before.Where(d => d.RepositoryId == 10 && d.Day >= range.From && d.Day != new DateOnly(2024, 3, 14)).Sum(d => (long)d.Views) + 5_000);
        summary[11].Totals.Views.ShouldBe(before.Where(d => d.RepositoryId == 11 && d.Day >= range.From).Sum(d => (long)d.Views) + 7);
        summary[10].LatestStats.ShouldNotBeNull().Stars.ShouldBe(6);

        // The foreign keys still hold: a day of a repository that does not exist is refused.
        await Should.ThrowAsync<SqliteException>(() => OldSchema.ExecuteAsync(connectionString + ";Foreign Keys=True",
            "INSERT INTO traffic_daily (repo_id, day, views, unique_views, clones, unique_clones, coverage) VALUES (99, '2024-01-01', 1, 1, 1, 1, 1)"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<ServiceProvider> StoreAtAsync(string connectionString, bool migrate)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UseSqlite(connectionString);
        var provider = services.BuildServiceProvider();
        if (migrate)
        {
            await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        }

        return provider;
    }

    private static async Task<Dictionary<string, string>> TableSqlAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND (name IN ('traffic_daily', 'repo_daily_stats', 'traffic_rollups') OR name LIKE '%_clustered')";
        var tables = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = reader.GetString(1);
        }

        return tables;
    }

    /// <summary>Every row of the three tables, each as its columns' text, in key order.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var dump = new Dictionary<string, List<string>>();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2, 3, 4";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
            }

            dump[table] = rows;
        }

        return dump;
    }
}
