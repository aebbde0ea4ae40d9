using System.Globalization;
using System.Text;
using GhStats.Storage.Sql;

namespace GhStats.Bench.Merge;

/// <summary>
/// How the number of rows per statement prices a write, the store's 500 against smaller batches: the bulk insert's
/// plain INSERT into an empty table, then the store's upsert SQL over the now-full table (every row conflicts), both
/// through the bulk insert's plain ADO.NET loop on a fresh database per size. Not a target; it says where the merge
/// benchmark's time goes and what a different batch size in the store would buy.
/// </summary>
/// <param name="options">Data size, rounds and stores.</param>
/// <param name="repositoryRoot">The checkout, for bench/results.</param>
internal sealed class BatchSizeBenchmark(MergeOptions options, string repositoryRoot)
{
    private static readonly int[] RowsPerStatement = [1, 10, 25, 50, 100, 250, 500];

    public async Task<int> RunAsync()
    {
        var data = new TrafficData(options.Repositories, options.Days, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        foreach (var provider in options.Providers)
        {
            try
            {
                await using var store = provider == "postgres" ? await PostgresStoreUnderTest.StartAsync() : (StoreUnderTest)new SqliteStoreUnderTest();
                var markdown = await RunAsync(store, data);
                Console.WriteLine(markdown);
                var results = Path.Combine(repositoryRoot, "bench", "results");
                Directory.CreateDirectory(results);
                await File.WriteAllTextAsync(Path.Combine(results, $"batch-{store.Name}.md"), markdown);
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"batch-size sweep on {provider} failed: {ex.Message}");
                return 1;
            }
        }

        return 0;
    }

    private async Task<string> RunAsync(StoreUnderTest store, TrafficData data)
    {
        var shape = UpsertSqlScenario.DailyShape;
        var expected = data.Expected(data.Repositories);
        var results = RowsPerStatement.ToDictionary(n => n, _ => (Insert: new List<Timing>(), Upsert: new List<Timing>()));

        // One untimed pass at a small size first, so the first timed size does not pay for the JIT.
        foreach (var round in Enumerable.Range(0, options.Rounds + 1))
        {
            var sizes = round % 2 == 0 ? RowsPerStatement : RowsPerStatement.Reverse();
            foreach (var rows in sizes)
            {
                var sample = round == 0 ? new TrafficData(5, 60, data.FirstDay.AddDays(data.Days - 1)) : data;
                await using var database = await store.CreateDatabaseAsync(sample.Repositories);
                var days = sample.RowsFor(database.RepositoryIds);
                var insert = new TrafficBatchWriter(store.Dialect, n => TrafficBatchWriter.PlainInsert(store.Dialect, n), rows);
                var upsert = new TrafficBatchWriter(store.Dialect, n => store.Dialect.Merge(shape, n), rows);

                var inserted = await Timed.RunAsync(store, async () =>
                {
                    await using var connection = await database.OpenAsync();
                    await insert.WriteAsync(connection, days);
                });
                (await database.ChecksumAsync()).ShouldEqual(sample.Expected(sample.Repositories), $"INSERT, {rows} rows per statement");

                var upserted = await Timed.RunAsync(store, async () =>
                {
                    await using var connection = await database.OpenAsync();
                    await upsert.WriteAsync(connection, days);
                });
                (await database.ChecksumAsync()).ShouldEqual(sample.Expected(sample.Repositories), $"upsert, {rows} rows per statement");

                if (round > 0)
                {
                    results[rows].Insert.Add(inserted);
                    results[rows].Upsert.Add(upserted);
                    Console.Error.WriteLine(FormattableString.Invariant(
                        $"[{DateTime.UtcNow:HH:mm:ss}] {store.Name} round {round}: {rows} rows/statement: INSERT {inserted.Elapsed.TotalSeconds:0.00} s, upsert again {upserted.Elapsed.TotalSeconds:0.00} s"));
                }
            }
        }

        var total = (double)expected.Rows;
        double RowsPerSecond(List<Timing> timings) => total / timings.Select(t => t.Elapsed.TotalSeconds).Order().ElementAt(timings.Count / 2);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Rows per statement on {store.DisplayName}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Data: {data.Repositories:N0} repositories x {data.Days:N0} days = {expected.Rows:N0} rows; one transaction per repository; {options.Rounds} round(s), median (the slower of the middle two when even)")
            .AppendLine(CultureInfo.InvariantCulture, $"- Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench -- batch --repos {data.Repositories} --days {data.Days} --rounds {options.Rounds} --provider {store.Name}`");
        foreach (var line in MachineDescription.Lines().Concat(await store.DescribeAsync()))
        {
            md.AppendLine(line);
        }

        md.AppendLine()
            .AppendLine("| Rows per statement | Plain INSERT into empty, rows/s | vs 500 rows | Store's upsert SQL again (all conflicts), rows/s | vs 500 rows |")
            .AppendLine("|---:|---:|---:|---:|---:|");
        var insert500 = RowsPerSecond(results[500].Insert);
        var upsert500 = RowsPerSecond(results[500].Upsert);
        foreach (var rows in RowsPerStatement)
        {
            var insert = RowsPerSecond(results[rows].Insert);
            var upsert = RowsPerSecond(results[rows].Upsert);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {rows} | {insert:N0} | {insert / insert500:0.00}x | {upsert:N0} | {upsert / upsert500:0.00}x |");
        }

        return md.ToString();
    }
}
