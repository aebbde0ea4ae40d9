using System.Globalization;
using System.Text;

namespace GhStats.Bench.Queries;

/// <summary>The query benchmark's Markdown: every figure of the median run per case, the ratios to the baseline, and the verdicts.</summary>
internal sealed class QueryReport
{
    /// <summary>DESIGN.md: each answers in under 20 ms at p95.</summary>
    private const double P95TargetMs = 20;

    /// <summary>DESIGN.md: the series endpoint serves at least half the baseline's requests per second.</summary>
    private const double SeriesRatioTarget = 0.5;

    /// <summary>DESIGN.md: the host's memory stays under 200 MB (decimal megabytes, the stricter reading).</summary>
    private const long MemoryTargetBytes = 200_000_000;

    private const double Megabyte = 1_000_000;

    private readonly IReadOnlyList<string> _setup;
    private readonly IReadOnlyList<string> _description;
    private readonly ServerSample _startUp;
    private readonly ServerSample _final;
    private readonly List<QueryRun> _runs;
    private readonly List<(string Endpoint, int Connections)> _cases;

    public QueryReport(IReadOnlyList<string> setup, IReadOnlyList<string> description, IEnumerable<QueryRun> runs, ServerSample startUp, ServerSample final)
    {
        _setup = setup;
        _description = description;
        _startUp = startUp;
        _final = final;
        _runs = runs.ToList();
        _cases = _runs.Where(r => r.Target != QueryBenchmark.Diagnostic).Select(r => (r.Endpoint, r.Result.Connections)).Distinct().ToList();
    }

    /// <summary>One line per target and case, for the console.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> Verdicts()
    {
        foreach (var (endpoint, connections) in _cases)
        {
            var ghStats = Median(endpoint, connections, QueryBenchmark.GhStats).Result;
            yield return Invariant($"{endpoint}, {connections} connections: p95 {ghStats.Latency.P95Ms:0.00} ms: {(ghStats.Latency.P95Ms < P95TargetMs ? "within" : "OVER")} the {P95TargetMs:0} ms target");
            if (endpoint == QueryOptions.Series)
            {
                var ratio = Ratio(endpoint, connections);
                yield return Invariant($"{endpoint}, {connections} connections: {ratio:0.00}x the baseline's requests/s: {(ratio >= SeriesRatioTarget ? "within" : "UNDER")} the {SeriesRatioTarget:0.0}x target");
            }
        }

        yield return Invariant($"server peak working set {_final.PeakWorkingSetBytes / Megabyte:N0} MB: {(_final.PeakWorkingSetBytes < MemoryTargetBytes ? "within" : "OVER")} the {MemoryTargetBytes / Megabyte:N0} MB target");
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("## Query endpoints vs a bare Kestrel endpoint (SQLite)").AppendLine();
        foreach (var line in _setup.Concat(_description))
        {
            md.AppendLine(line);
        }

        var rounds = _runs.Max(r => r.Round);
        md.AppendLine()
            .AppendLine(rounds > 1 ? Invariant($"Each row is the round with the median requests/s of {rounds} rounds.") : "One round.")
            .AppendLine()
            .AppendLine("| Endpoint | Connections | Server | Requests/s | p50 ms | p95 ms | p99 ms | max ms | Errors | Server CPU µs/request | Server KiB allocated/request | Load CPU µs/request | Server max RSS MB | Server max GC heap MB |")
            .AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (endpoint, connections) in _cases)
        {
            foreach (var target in new[] { QueryBenchmark.Baseline, QueryBenchmark.GhStats })
            {
                var r = Median(endpoint, connections, target).Result;
                var l = r.Latency;
                md.AppendLine(Invariant(
                    $"| {endpoint} | {connections} | {target} | {r.RequestsPerSecond:N0} | {l.P50Ms:0.00} | {l.P95Ms:0.00} | {l.P99Ms:0.00} | {l.MaxMs:0.0} | {r.Errors} | {r.ServerCpuMicrosecondsPerRequest:N0} | {r.ServerAllocatedBytesPerRequest / 1024:N1} | {r.ClientCpuMicrosecondsPerRequest:N0} | {r.ServerAfter?.MaxWorkingSetBytes / Megabyte:N0} | {r.ServerAfter?.MaxGcHeapBytes / Megabyte:N0} |"));
            }
        }

        md.AppendLine()
            .AppendLine("| Endpoint | Connections | GhStats / baseline requests/s | GhStats / baseline server CPU per request | GhStats p95 ms | baseline p95 ms | p95 < 20 ms | requests/s >= 0.5x baseline |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var (endpoint, connections) in _cases)
        {
            var ghStats = Median(endpoint, connections, QueryBenchmark.GhStats).Result;
            var baseline = Median(endpoint, connections, QueryBenchmark.Baseline).Result;
            var ratio = Ratio(endpoint, connections);
            var throughput = endpoint == QueryOptions.Series ? (ratio >= SeriesRatioTarget ? "met" : "**missed**") : "(not a target)";
            md.AppendLine(Invariant(
                $"| {endpoint} | {connections} | {ratio:0.00}x | {ghStats.ServerCpuMicrosecondsPerRequest / baseline.ServerCpuMicrosecondsPerRequest:0.0}x | {ghStats.Latency.P95Ms:0.00} | {baseline.Latency.P95Ms:0.00} | {(ghStats.Latency.P95Ms < P95TargetMs ? "met" : "**missed**")} | {throughput} |"));
        }

        var diagnostics = _runs.Where(r => r.Target == QueryBenchmark.Diagnostic).ToList();
        if (diagnostics.Count > 0)
        {
            md.AppendLine()
                .AppendLine("Diagnostic rungs (same server, same load; the store rungs run only the ITrafficStore call of the endpoint and answer with the recorded bytes, anonymously):")
                .AppendLine()
                .AppendLine("| Rung | Connections | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Server CPU µs/request | Server KiB allocated/request |")
                .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var run in diagnostics)
            {
                var r = run.Result;
                md.AppendLine(Invariant(
                    $"| {run.Endpoint} | {r.Connections} | {r.RequestsPerSecond:N0} | {r.Latency.P50Ms:0.00} | {r.Latency.P95Ms:0.00} | {r.Latency.P99Ms:0.00} | {r.Errors} | {r.ServerCpuMicrosecondsPerRequest:N0} | {r.ServerAllocatedBytesPerRequest / 1024:N1} |"));
            }
        }

        var ghStatsRuns = _runs.Where(r => r.Target == QueryBenchmark.GhStats && r.Result.ServerAfter is not null).ToList();
        var maxRss = ghStatsRuns.Max(r => r.Result.ServerAfter!.MaxWorkingSetBytes);
        var maxHeap = ghStatsRuns.Max(r => r.Result.ServerAfter!.MaxGcHeapBytes);
        var maxCommitted = ghStatsRuns.Max(r => r.Result.ServerAfter!.MaxGcCommittedBytes);
        md.AppendLine()
            .AppendLine("Server memory (one process holds GhStats and the baseline):")
            .AppendLine()
            .AppendLine(Invariant($"- After start-up (both apps listening, both responses fetched once): working set {_startUp.WorkingSetBytes / Megabyte:N0} MB ({_startUp.AnonymousBytes / Megabyte:N0} MB anonymous, {_startUp.FileBackedBytes / Megabyte:N0} MB file-backed), GC heap {_startUp.MaxGcHeapBytes / Megabyte:N0} MB"))
            .AppendLine(Invariant($"- Highest sampled during GhStats' windows (every 50 ms): working set {maxRss / Megabyte:N0} MB, GC heap in use {maxHeap / Megabyte:N0} MB, GC committed {maxCommitted / Megabyte:N0} MB"))
            .AppendLine(Invariant($"- **Peak working set of the whole run (VmHWM): {_final.PeakWorkingSetBytes / Megabyte:N0} MB**; at the end {_final.WorkingSetBytes / Megabyte:N0} MB, of it {_final.AnonymousBytes / Megabyte:N0} MB anonymous (GC heap, native heaps, stacks) and {_final.FileBackedBytes / Megabyte:N0} MB file-backed (mapped assemblies and libraries); {_final.Gen0Collections:N0} gen0, {_final.Gen1Collections:N0} gen1, {_final.Gen2Collections:N0} gen2 collections"))
            .AppendLine()
            .AppendLine("**Verdicts:**")
            .AppendLine();
        foreach (var verdict in Verdicts())
        {
            md.AppendLine("- " + verdict);
        }

        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private QueryRun Median(string endpoint, int connections, string target)
    {
        var runs = _runs.Where(r => r.Endpoint == endpoint && r.Result.Connections == connections && r.Target == target)
            .OrderBy(r => r.Result.RequestsPerSecond)
            .ToList();
        return runs[(runs.Count - 1) / 2];
    }

    private double Ratio(string endpoint, int connections) =>
        Median(endpoint, connections, QueryBenchmark.GhStats).Result.RequestsPerSecond / Median(endpoint, connections, QueryBenchmark.Baseline).Result.RequestsPerSecond;
}
