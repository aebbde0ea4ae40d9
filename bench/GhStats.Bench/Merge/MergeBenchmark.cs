namespace GhStats.Bench.Merge;

/// <summary>
/// Runs every scenario on every chosen store for a number of rounds, each on a fresh database, alternating the order
/// (baselines first in odd rounds, merges first in even ones), and reports medians as ratios to the baselines. The
/// <c>merge</c> command judges the store's merges; the <c>import</c> command judges an import of the same rows.
/// </summary>
/// <param name="options">What to run.</param>
/// <param name="repositoryRoot">The checkout, for bench/results.</param>
/// <param name="command">"merge" or "import".</param>
internal sealed class MergeBenchmark(MergeOptions options, string repositoryRoot, string command = "merge")
{
    private const int WarmUpRepositories = 5;
    private const int WarmUpDays = 60;

    public async Task<int> RunAsync()
    {
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var data = new TrafficData(options.Repositories, options.Days, lastDay);
        IMergeScenario[] scenarios = command == "import" ? [new BulkInsertScenario(), new GhStats.Bench.Import.ImportScenario()] :
        [
            new BulkInsertScenario(),
            new CopyScenario(),
            new PreparedInsertScenario(),
            new UpsertSqlScenario(),
            new StoreMergeScenario(),
            new OverlappingWindowsScenario(options.WindowRepositories),
        ];

        var verdicts = new List<string>();
        foreach (var provider in options.Providers)
        {
            try
            {
                await using var store = provider == "postgres" ? await PostgresStoreUnderTest.StartAsync() : (StoreUnderTest)new SqliteStoreUnderTest();
                var report = await RunAsync(store, scenarios, data);
                var markdown = report.ToMarkdown();
                Console.WriteLine(markdown);

                var results = Path.Combine(repositoryRoot, "bench", "results");
                Directory.CreateDirectory(results);
                var file = Path.Combine(results, $"{command}-{store.Name}.md");
                await File.WriteAllTextAsync(file, markdown);
                Progress($"wrote {file}");
                verdicts.Add(FormattableString.Invariant($"{store.DisplayName}: worst judged {command} {report.WorstMergeRatio:0.00}x bulk insert"));
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"{command} benchmark on {provider} failed: {ex.Message}");
                return 1;
            }
        }

        foreach (var verdict in verdicts)
        {
            Progress(verdict);
        }

        return 0;
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    private async Task<MergeReport> RunAsync(StoreUnderTest store, IReadOnlyList<IMergeScenario> scenarios, TrafficData data)
    {
        var description = MachineDescription.Lines().Concat(await store.DescribeAsync()).ToList();
        var loadBefore = MachineDescription.LoadAverage();

        // Warm-up, not reported: every code path jitted and every pool filled before the first timed round.
        var warmUp = new TrafficData(WarmUpRepositories, WarmUpDays, data.FirstDay.AddDays(data.Days - 1));
        foreach (var scenario in scenarios.Where(s => s.RunsOn(store)))
        {
            await scenario.RunAsync(store, warmUp);
        }

        Progress($"{store.Name}: warmed up");
        var measurements = new List<Measurement>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = round % 2 == 1 ? scenarios : scenarios.Reverse();
            foreach (var scenario in order.Where(s => s.RunsOn(store)))
            {
                foreach (var measurement in await scenario.RunAsync(store, data))
                {
                    measurements.Add(measurement);
                    Progress(FormattableString.Invariant(
                        $"{store.Name} round {round}: {measurement.Scenario}: {measurement.Elapsed.TotalSeconds:0.00} s (CPU {measurement.Cpu.TotalSeconds:0.00} s), {measurement.RowsPerSecond:N0} rows/s (verified)"));
                }
            }
        }

        // Other work on the machine moves both sides of a ratio, but not always equally: say how busy it was.
        description.Add($"- Load average (1/5/15 min) at start: {loadBefore}; at end: {MachineDescription.LoadAverage()}");
        string[] setup =
        [
            FormattableString.Invariant($"- Data: {data.Repositories:N0} repositories x {data.Days:N0} days ({data.FirstDay:yyyy-MM-dd} to {data.FirstDay.AddDays(data.Days - 1):yyyy-MM-dd}) = {(long)data.Repositories * data.Days:N0} rows, fixed seed; overlapping windows on {options.WindowRepositories:N0} of the repositories"),
            FormattableString.Invariant($"- {options.Rounds} rounds, each scenario on a fresh migrated database; baselines first in odd rounds, merges first in even; median shown; a small warm-up run of every scenario first, not reported"),
            FormattableString.Invariant($"- Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench -- {command} --repos {options.Repositories} --days {options.Days} --rounds {options.Rounds} --provider {store.Name} --window-repos {options.WindowRepositories}`"),
        ];
        return command == "import"
            ? new MergeReport($"Import vs bulk insert on {store.DisplayName}", store.CpuScope, description, setup, measurements, [GhStats.Bench.Import.ImportScenario.Import])
            : new MergeReport($"Merge vs bulk insert on {store.DisplayName}", store.CpuScope, description, setup, measurements);
    }
}
