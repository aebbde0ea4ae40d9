using System.Globalization;
using System.Net.Http.Json;

namespace GhStats.Bench.Queries;

/// <summary>
/// The query benchmark's driver: seeds (or reuses) the database, starts the server process on a copy of it, runs the
/// load process once per endpoint, concurrency, server and round, and writes the report. It does no measuring itself.
/// </summary>
/// <param name="options">What to run.</param>
/// <param name="repositoryRoot">The checkout, for bench/results.</param>
internal sealed class QueryBenchmark(QueryOptions options, string repositoryRoot)
{
    public const string Baseline = "bare Kestrel (baseline)";
    public const string GhStats = "GhStats";
    public const string Diagnostic = "diagnostic";

    public async Task<int> RunAsync()
    {
        var results = Path.Combine(repositoryRoot, "bench", "results");
        var seed = await QuerySeed.EnsureAsync(options.Repositories, options.Days, results, Progress);
        var folder = Directory.CreateTempSubdirectory("ghstats-bench-web-").FullName;
        try
        {
            // The server writes (its caller's profile, token and last use): it gets a copy, the cache stays as seeded.
            var database = Path.Combine(folder, "ghstats.db");
            File.Copy(seed.Path, database);
            var summaryFrom = seed.LastDay.AddDays(1 - options.SummaryDays);
            var paths = new Dictionary<string, string>
            {
                [QueryOptions.Series] = FormattableString.Invariant(
                    $"/api/v1/repos/{seed.RepositoryIds[seed.RepositoryIds.Count / 2]}/traffic?from={seed.FirstDay:yyyy-MM-dd}&to={seed.LastDay:yyyy-MM-dd}&per=day"),
                [QueryOptions.Summary] = FormattableString.Invariant(
                    $"/api/v1/traffic/summary?tenant={seed.TenantSlug}&from={summaryFrom:yyyy-MM-dd}&to={seed.LastDay:yyyy-MM-dd}"),
            };

            var loadBefore = MachineDescription.LoadAverage();
            await using var server = await ServerProcess.StartAsync(
                new ServerOptions(database, seed.TenantSlug, paths[QueryOptions.Series], paths[QueryOptions.Summary], options.Role), options.ServerGc);
            var ready = server.Ready;
            Progress(FormattableString.Invariant(
                $"server {server.ProcessId} ready: GhStats {ready.GhStats}, baseline {ready.Baseline}; series {ready.Series.Length:N0} bytes, summary {ready.Summary.Length:N0} bytes"));

            var sampleUrl = new Uri(ready.Baseline + QueryServer.MemoryPath);
            var runs = new List<QueryRun>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                string[] order = round % 2 == 1 ? [Baseline, GhStats] : [GhStats, Baseline];
                foreach (var endpoint in options.Endpoints)
                {
                    var body = endpoint == QueryOptions.Series ? ready.Series : ready.Summary;
                    foreach (var connections in options.Connections)
                    {
                        foreach (var target in order)
                        {
                            var url = new Uri((target == Baseline ? ready.Baseline : ready.GhStats) + paths[endpoint]);
                            var load = new LoadOptions(url, connections, options.Warmup, options.Duration, body.Sha256, sampleUrl, Json: true);
                            var result = await LoadProcess.RunAsync(load, target == GhStats ? ready.Token : null);
                            runs.Add(new QueryRun(round, endpoint, target, result));
                            Progress(FormattableString.Invariant(
                                $"round {round}: {endpoint}, {connections} connections, {target}: {result.RequestsPerSecond:N0} requests/s, p50 {result.Latency.P50Ms:0.00} ms, p95 {result.Latency.P95Ms:0.00} ms, p99 {result.Latency.P99Ms:0.00} ms, {result.Errors} errors, server {result.ServerCpuMicrosecondsPerRequest:N0} µs CPU and {result.ServerAllocatedBytesPerRequest / 1024:N1} KiB per request, max RSS {result.ServerAfter?.MaxWorkingSetBytes / 1e6:N0} MB"));
                        }
                    }
                }
            }

            if (options.Diagnose)
            {
                foreach (var (rung, path, body, withToken) in Rungs(ready))
                {
                    foreach (var connections in options.Connections)
                    {
                        var load = new LoadOptions(new Uri(ready.GhStats + path), connections, options.Warmup, options.Duration, body?.Sha256, sampleUrl, Json: true);
                        var result = await LoadProcess.RunAsync(load, withToken ? ready.Token : null);
                        runs.Add(new QueryRun(1, rung, Diagnostic, result));
                        Progress(FormattableString.Invariant(
                            $"diagnostic: {rung}, {connections} connections: {result.RequestsPerSecond:N0} requests/s, p50 {result.Latency.P50Ms:0.00} ms, p95 {result.Latency.P95Ms:0.00} ms, {result.Errors} errors, server {result.ServerCpuMicrosecondsPerRequest:N0} µs CPU and {result.ServerAllocatedBytesPerRequest / 1024:N1} KiB per request"));
                    }
                }
            }

            using var client = new HttpClient();
            var final = await client.GetFromJsonAsync<ServerSample>(sampleUrl, BenchJson.Options)
                ?? throw new InvalidOperationException("The server gave no final memory sample.");

            string[] setup =
            [
                FormattableString.Invariant($"- Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench -- web {options.ToArguments()}`"),
                FormattableString.Invariant($"- Data: SQLite, 1 tenant, {seed.RepositoryIds.Count:N0} repositories x {seed.Days:N0} days ({seed.FirstDay:yyyy-MM-dd} to {seed.LastDay:yyyy-MM-dd}) = {seed.Checksum.Rows:N0} rows of traffic_daily, coverage {seed.Coverage}, seeded through ITrafficStore.MergeTrafficWindowAsync (one window per repository)"),
                FormattableString.Invariant($"- Series: `GET {paths[QueryOptions.Series]}` ({ready.Series.Length:N0} bytes of JSON, {seed.Days:N0} points)"),
                FormattableString.Invariant($"- Summary: `GET {paths[QueryOptions.Summary]}` ({ready.Summary.Length:N0} bytes of JSON, {seed.RepositoryIds.Count:N0} rows over {options.SummaryDays} days)"),
                $"- Caller: a personal API token (`Authorization: Bearer ghst_...`) of a profile that is {(options.Role is { } role ? $"a {ServerOptions.RoleName(role)} of the tenant" : "a system admin")}; every request authenticates and loads its roles",
                $"- Server process: GhStats' web module (AddGhStats().UseSqlite().AddGitHubCollector().AddWeb(), MapGhStats()) on Kestrel at 127.0.0.1, Production, logging at Warning; the baseline is a second WebApplication in the same process on its own port, `MapGet` returning GhStats' bytes as a byte array; {(ready.StartUp.ServerGc ? "server GC (as Microsoft.NET.Sdk.Web apps default to)" : "workstation GC")}",
                FormattableString.Invariant($"- Load process: a separate process per run, N HTTP/1.1 keep-alive connections (HttpClient, one request in flight on each), {options.Warmup.TotalSeconds:0} s warm-up, then {options.Duration.TotalSeconds:0} s measured; every latency recorded; every body compared byte for byte with the expected"),
                $"- The load process and the server share the machine's {Environment.ProcessorCount} cores: at saturation the load generator's CPU is taken from the server's (see its CPU per request in the table)",
            ];
            var description = MachineDescription.Lines().Append($"- Load average (1/5/15 min) at start: {loadBefore}; at end: {MachineDescription.LoadAverage()}").ToList();
            var report = new QueryReport(setup, description, runs, ready.StartUp, final);
            var markdown = report.ToMarkdown();
            Console.WriteLine(markdown);
            var file = Path.Combine(results, "web.md");
            await File.WriteAllTextAsync(file, markdown);
            Progress($"wrote {file}");
            foreach (var verdict in report.Verdicts())
            {
                Progress(verdict);
            }

            return 0;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"query benchmark failed: {ex.Message}");
            return 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The diagnostic rungs: GhStats' pipeline alone, with authentication and roles, and each store call alone.</summary>
    private IEnumerable<(string Rung, string Path, ResponseBody? Body, bool WithToken)> Rungs(ServerReady ready)
    {
        yield return ("GET /healthz (GhStats pipeline, anonymous)", "/healthz", null, false);
        yield return ("GET /api/v1/me (token, role lookups, one tenant query)", "/api/v1/me", null, true);
        if (options.Endpoints.Contains(QueryOptions.Series))
        {
            yield return ("ITrafficStore series call alone, recorded bytes", StoreProbe.SeriesPath, ready.Series, false);
        }

        if (options.Endpoints.Contains(QueryOptions.Summary))
        {
            yield return ("ITrafficStore summary call alone, recorded bytes", StoreProbe.SummaryPath, ready.Summary, false);
        }
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
