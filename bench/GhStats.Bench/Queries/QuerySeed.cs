using System.Diagnostics;
using GhStats.Bench.Merge;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Data.Sqlite;

namespace GhStats.Bench.Queries;

/// <summary>
/// The SQLite file the query benchmark reads: one tenant (bench-0) of N repositories x D days of daily traffic, made by
/// the merge benchmark's code (its data, its database setup) and written as collection writes it: one
/// <see cref="ITrafficStore.MergeTrafficWindowAsync"/> call per repository, whose window spans all its days, so
/// every day's traffic_daily.coverage is set (its two edges partial, the days between complete), as daily collection
/// leaves it. Kept under bench/results/ between runs; a cached file is used only if its traffic figures and its
/// coverage counts match the generated data exactly.
/// </summary>
internal static class QuerySeed
{
    public const string TenantSlug = "bench-0";

    /// <summary>Returns the cached file for this shape, seeding it first if it is missing or does not match.</summary>
    /// <param name="repositories">Repositories in the one tenant.</param>
    /// <param name="days">Days of traffic per repository.</param>
    /// <param name="resultsFolder">bench/results.</param>
    /// <param name="progress">Where progress goes.</param>
    /// <returns>What the file holds.</returns>
    public static async Task<SeededDatabase> EnsureAsync(int repositories, int days, string resultsFolder, Action<string> progress)
    {
        Directory.CreateDirectory(resultsFolder);
        var path = Path.Combine(resultsFolder, $"web-seed-{repositories}x{days}.db");
        var expected = new TrafficData(repositories, days, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)).Expected(repositories);
        if (File.Exists(path))
        {
            var cached = await ReadAsync(path);
            if (cached is not null && cached.Checksum == expected && cached.RepositoryIds.Count == repositories && cached.Days == days
                && cached.Coverage == ExpectedCoverage(repositories, days))
            {
                progress($"using the seeded database {path} ({cached.FirstDay:yyyy-MM-dd} to {cached.LastDay:yyyy-MM-dd}; checksum and coverage match)");
                return cached;
            }

            progress($"{path} does not hold {repositories} x {days} days of the generated data with their coverage; seeding it again");
        }

        var clock = Stopwatch.StartNew();
        await SeedAsync(repositories, days, path);
        progress($"seeded {path} in {clock.Elapsed.TotalSeconds:0.0} s");
        return await ReadAsync(path) ?? throw new InvalidOperationException($"The seeded database {path} cannot be read back.");
    }

    private static async Task SeedAsync(int repositories, int days, string path)
    {
        var data = new TrafficData(repositories, days, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        await using var store = new SqliteStoreUnderTest();
        await using var database = await store.CreateDatabaseAsync(repositories, repositoriesPerTenant: repositories);
        foreach (var rows in data.RowsFor(database.RepositoryIds))
        {
            // One read proving every day from the first to the last (its day of read): what daily collection leaves.
            await database.Traffic.MergeTrafficWindowAsync(new TrafficWindow(rows[0].RepositoryId, rows[0].Day, rows[^1].Day, rows, rows[^1].Day));
        }

        (await database.ChecksumAsync()).ShouldEqual(data.Expected(repositories), "seed for the query benchmark");
        await using (var connection = (SqliteConnection)await database.OpenAsync())
        {
            var coverage = await CoverageAsync(connection);
            if (coverage != ExpectedCoverage(repositories, days))
            {
                throw new InvalidOperationException($"seed for the query benchmark: traffic_daily.coverage holds {coverage}, expected {ExpectedCoverage(repositories, days)}.");
            }
        }

        // SQLite's online backup gives one consistent file, WAL included; the temporary database is deleted afterwards.
        var partial = path + ".partial";
        File.Delete(partial);
        await using (var source = (SqliteConnection)await database.OpenAsync())
        await using (var target = new SqliteConnection($"Data Source={partial};Pooling=False"))
        {
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        File.Move(partial, path, overwrite: true);
    }

    private static async Task<SeededDatabase?> ReadAsync(string path)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT r.id FROM repositories r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = $slug ORDER BY r.id;" +
                "SELECT COUNT(*), SUM(views), SUM(unique_views), SUM(clones), SUM(unique_clones), MIN(day), MAX(day) FROM traffic_daily;";
            command.Parameters.AddWithValue("$slug", TenantSlug);
            await using var reader = await command.ExecuteReaderAsync();
            var ids = new List<long>();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }

            await reader.NextResultAsync();
            await reader.ReadAsync();
            if (reader.IsDBNull(5))
            {
                return null;
            }

            var checksum = new TrafficChecksum(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            var first = DateOnly.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture);
            var last = DateOnly.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture);
            await reader.DisposeAsync();
            return new SeededDatabase(path, TenantSlug, ids, first, last, checksum, await CoverageAsync(connection));
        }
        catch (SqliteException)
        {
            // Not a GhStats database of this shape (or an older schema): seed again.
            return null;
        }
    }

    /// <summary>What traffic_daily.coverage holds after one window per repository spanning all its days.</summary>
    /// <param name="repositories">Repositories.</param>
    /// <param name="days">Days per repository.</param>
    /// <returns>The counts.</returns>
    public static CoverageCounts ExpectedCoverage(int repositories, int days)
    {
        var edges = Math.Min(days, 2);
        return new CoverageCounts((long)repositories * days, (long)repositories * (days - edges), (long)repositories * edges);
    }

    private static async Task<CoverageCounts> CoverageAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN coverage = 2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN coverage = 1 THEN 1 ELSE 0 END), 0) FROM traffic_daily WHERE coverage > 0";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new CoverageCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}

/// <summary>Day counts by traffic_daily.coverage.</summary>
/// <param name="Rows">Stored days with a coverage (all of them: partial or better).</param>
/// <param name="Complete">Days marked complete (2).</param>
/// <param name="Partial">Days marked partial (1).</param>
internal sealed record CoverageCounts(long Rows, long Complete, long Partial)
{
    public override string ToString() => FormattableString.Invariant($"{Rows:N0} days ({Complete:N0} complete, {Partial:N0} partial)");
}

/// <summary>A seeded query-benchmark database.</summary>
/// <param name="Path">The cached file; the benchmark serves a copy, never this file.</param>
/// <param name="TenantSlug">The one tenant.</param>
/// <param name="RepositoryIds">Its repositories' ids, ascending.</param>
/// <param name="FirstDay">The first day with traffic.</param>
/// <param name="LastDay">The last day with traffic.</param>
/// <param name="Checksum">Row count and sums of traffic_daily.</param>
/// <param name="Coverage">Day counts by traffic_daily.coverage.</param>
internal sealed record SeededDatabase(string Path, string TenantSlug, IReadOnlyList<long> RepositoryIds, DateOnly FirstDay, DateOnly LastDay, TrafficChecksum Checksum, CoverageCounts Coverage)
{
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
}
