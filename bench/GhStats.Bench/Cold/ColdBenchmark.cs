using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GhStats.Bench.Merge;
using GhStats.Domain;
using GhStats.Storage;
using GhStats.Storage.Relational;
using GhStats.Storage.Traffic;

namespace GhStats.Bench.Cold;

/// <summary>
/// Cold queries (issue 17, item 4): the store's own calls with no cache in front, on a database seeded as collection
/// writes it (per repository, one <c>MergeTrafficWindowAsync</c> and a day of counters per day of traffic), timed call
/// by call. Beside them, in the same run and interleaved with them, the summary as it was read before the rollups (every
/// day of the range LEFT JOINed and grouped) and the 10-year series' SQL alone (plain ADO.NET, every value read,
/// nothing mapped), so the ratios need no second run.
/// </summary>
/// <param name="options">What to run.</param>
/// <param name="repositoryRoot">The checkout, for bench/results.</param>
internal sealed class ColdBenchmark(ColdOptions options, string repositoryRoot)
{
    private const int WarmUpCalls = 10;

    public async Task<int> RunAsync()
    {
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        foreach (var provider in options.Providers)
        {
            await using var store = provider == "postgres" ? await PostgresStoreUnderTest.StartAsync() : (StoreUnderTest)new SqliteStoreUnderTest();
            var markdown = await RunAsync(store, lastDay);
            Console.WriteLine(markdown);
            var results = Path.Combine(repositoryRoot, "bench", "results");
            Directory.CreateDirectory(results);
            var file = Path.Combine(results, $"cold-{store.Name}.md");
            await File.WriteAllTextAsync(file, markdown);
            Progress($"wrote {file}");
        }

        return 0;
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    private async Task<string> RunAsync(StoreUnderTest store, DateOnly lastDay)
    {
        var description = MachineDescription.Lines().Concat(await store.DescribeAsync()).ToList();
        var loadBefore = MachineDescription.LoadAverage();
        await using var database = await store.CreateDatabaseAsync(options.Repositories, options.Repositories);
        var traffic = database.Traffic;

        // Seed as collection writes: one window per repository over all its days (edges partial, the rest complete).
        var seeding = Stopwatch.StartNew();
        var rows = new TrafficData(options.Repositories, options.Days, lastDay).RowsFor(database.RepositoryIds);
        rows[0] = new TrafficData(1, options.SeriesDays, lastDay).RowsFor([database.RepositoryIds[0]])[0];
        foreach (var days in rows)
        {
            await traffic.MergeTrafficWindowAsync(new TrafficWindow(days[0].RepositoryId, days[0].Day, days[^1].Day, days, lastDay));

            // Collection also keeps each repository's counters once a day; the summary reads the latest in its range.
            await traffic.MergeRepositoryStatsAsync(days.Select((d, i) => new RepositoryDailyStats(d.RepositoryId, d.Day, 100 + i, 10 + (i / 10), 20, 5 + (i % 7), 2_048)).ToList());
        }

        seeding.Stop();
        Progress(FormattableString.Invariant($"{store.Name}: seeded {rows.Sum(r => r.Length):N0} days (traffic and counters) in {seeding.Elapsed.TotalSeconds:0.0} s"));

        long tenantId;
        var settling = Stopwatch.StartNew();
        string? settled;
        await using (var connection = await database.OpenAsync())
        {
            tenantId = Convert.ToInt64(await ScalarAsync(connection, $"SELECT tenant_id FROM {store.Dialect.Table("repositories")} WHERE id = {database.RepositoryIds[0]}"), CultureInfo.InvariantCulture);
            settled = await store.SettleAsync(connection);
        }

        settling.Stop();

        var summary90 = new DateRange(lastDay.AddDays(-89), lastDay);
        var summary365 = new DateRange(lastDay.AddDays(-364), lastDay);
        var series = new DateRange(lastDay.AddDays(1 - options.SeriesDays), lastDay);
        var seriesRepository = database.RepositoryIds[0];
        var statements = new TrafficStatements(store.Dialect);
        var before = BeforeSummary(store.Dialect);

        var queries = new List<(string Name, Func<DbConnection, Task<int>> Run)>
        {
            ("summary, 90 days (store call)", async _ => Expect((await traffic.GetTenantSummaryAsync(tenantId, summary90)).Count, options.Repositories)),
            ("summary, 365 days (store call)", async _ => Expect((await traffic.GetTenantSummaryAsync(tenantId, summary365)).Count, options.Repositories)),
            ("daily series, 10 years (store call)", async _ => Expect((await traffic.GetTrafficSeriesAsync(tenantId, seriesRepository, series, TrafficPeriod.Day)).Points.Count, series.Days)),
            ("before: summary SQL over every day, 90 days (SQL only)", c => Expect(ReadAllAsync(c, store.Dialect, before, tenantId, null, summary90), options.Repositories)),
            ("before: summary SQL over every day, 365 days (SQL only)", c => Expect(ReadAllAsync(c, store.Dialect, before, tenantId, null, summary365), options.Repositories)),
            ("daily series SQL, 10 years (SQL only, nothing mapped)", c => Expect(ReadAllAsync(c, store.Dialect, statements.SeriesPerDay.Text, null, seriesRepository, series), series.Days)),
        };

        var timings = queries.Select(_ => new List<double>(options.Calls)).ToList();
        await using (var connection = await database.OpenAsync())
        {
            for (var call = -WarmUpCalls; call < options.Calls; call++)
            {
                // Interleaved, so whatever else the machine does falls on every query alike.
                for (var q = 0; q < queries.Count; q++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await queries[q].Run(connection);
                    if (call >= 0)
                    {
                        timings[q].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }
        }

        var loadAfter = MachineDescription.LoadAverage();
        if (options.HoldSeconds > 0)
        {
            Progress(FormattableString.Invariant($"{store.Name}: holding the seeded database for {options.HoldSeconds} s (tenant {tenantId}): {database.ConnectionString}"));
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Cold queries on {store.DisplayName}: {options.Repositories:N0} repositories x {options.Days:N0} days, the first with {options.SeriesDays:N0}; {options.Calls} calls each");
        report.AppendLine();
        foreach (var line in description)
        {
            report.AppendLine(line);
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Seeding through MergeTrafficWindowAsync and MergeRepositoryStatsAsync (a day of counters per day of traffic): {seeding.Elapsed.TotalSeconds:0.0} s");
        if (settled is not null)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- Settled before timing: {settled}, {settling.Elapsed.TotalSeconds:0.0} s");
        }

        report.AppendLine();
        report.AppendLine("| query | p50 ms | p95 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|");
        for (var q = 0; q < queries.Count; q++)
        {
            var sorted = timings[q].Order().ToList();
            report.AppendLine(CultureInfo.InvariantCulture, $"| {queries[q].Name} | {Percentile(sorted, 0.50):0.00} | {Percentile(sorted, 0.95):0.00} | {sorted[^1]:0.00} |");
        }

        return report.ToString();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<int> Expect(Task<int> rows, int expected) => Expect(await rows, expected);

    private static int Expect(int rows, int expected) =>
        rows == expected ? rows : throw new InvalidOperationException($"A query gave {rows} rows, not {expected}.");

    /// <summary>The tenant summary's SQL before the rollups (main at 08b2580): every day of the range joined and grouped.</summary>
    private static string BeforeSummary(SqlDialect dialect) =>
        $"SELECT {RepositoryRows.Shape.Select("r")}, SUM(CAST(d.views AS BIGINT)) AS views, SUM(CAST(d.clones AS BIGINT)) AS clones, " +
        "MAX(d.unique_views) AS peak_unique_views, MAX(d.unique_clones) AS peak_unique_clones, COUNT(d.day) AS days, " +
        "SUM(CASE WHEN d.day IS NULL OR d.coverage = 2 THEN 0 ELSE 1 END) AS partial_days " +
        $"FROM {dialect.Table("repositories")} r LEFT JOIN {dialect.Table("traffic_daily")} d ON d.repo_id = r.id AND d.day >= @from_day AND d.day <= @to_day " +
        "WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL " +
        $"GROUP BY {RepositoryRows.Shape.Select("r")} ORDER BY r.owner, r.name";

    /// <summary>Runs a statement and reads every value of every row; returns the row count.</summary>
    private static async Task<int> ReadAllAsync(DbConnection connection, SqlDialect dialect, string sql, long? tenantId, long? repositoryId, DateRange range)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are the store's own or built from its dialect.
        command.CommandText = sql;
#pragma warning restore CA2100
        Add(command, "from_day", dialect.DateValue(range.From));
        Add(command, "to_day", dialect.DateValue(range.To));
        if (tenantId is { } tenant)
        {
            Add(command, "tenant_id", (tenant, DbType.Int64));
        }

        if (repositoryId is { } repository)
        {
            Add(command, "repo_id", (repository, DbType.Int64));
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static void Add(DbCommand command, string name, (object Value, DbType Type) value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value.Value;
        parameter.DbType = value.Type;
        command.Parameters.Add(parameter);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Built from the dialect's table name and a number.
        command.CommandText = sql;
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync();
    }
}
