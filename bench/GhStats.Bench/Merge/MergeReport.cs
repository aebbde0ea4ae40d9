using System.Globalization;
using System.Text;

namespace GhStats.Bench.Merge;

/// <summary>The Markdown table of one store's run: medians over rounds, rows per second, and costs relative to the baselines.</summary>
internal sealed class MergeReport
{
    private const double Target = 2.0;

    private static readonly string[] Order =
    [
        BulkInsertScenario.Name,
        CopyScenario.Name,
        PreparedInsertScenario.Name,
        StoreMergeScenario.IntoEmpty,
        StoreMergeScenario.Again,
        OverlappingWindowsScenario.Name,
        UpsertSqlScenario.IntoEmpty,
        UpsertSqlScenario.Again,
    ];

    private readonly string _title;
    private readonly string _cpuScope;
    private readonly IReadOnlyList<string> _description;
    private readonly IReadOnlyList<string> _setup;
    private readonly Dictionary<string, List<Measurement>> _byScenario;
    private readonly IReadOnlyList<string> _judged;
    private readonly IReadOnlyList<string> _order;

    /// <param name="judged">The scenarios judged against the 2x target; the merge benchmark's two merges when null.</param>
    public MergeReport(string title, string cpuScope, IReadOnlyList<string> description, IReadOnlyList<string> setup, IEnumerable<Measurement> measurements, IReadOnlyList<string>? judged = null)
    {
        _title = title;
        _cpuScope = cpuScope;
        _description = description;
        _setup = setup;
        var list = measurements.ToList();
        _byScenario = list.GroupBy(m => m.Scenario).ToDictionary(g => g.Key, g => g.ToList());
        _judged = judged ?? [StoreMergeScenario.IntoEmpty, StoreMergeScenario.Again];

        // The merge benchmark's scenarios in their order, then any other (the import benchmark's) as first measured.
        _order = [.. Order.Where(_byScenario.ContainsKey), .. list.Select(m => m.Scenario).Distinct().Where(s => !Order.Contains(s))];
    }

    /// <summary>The worst of the judged scenarios against the bulk insert: what is judged against the 2x target.</summary>
    public double WorstMergeRatio => _judged.Max(j => Ratio(j, BulkInsertScenario.Name));

    public string ToMarkdown()
    {
        // The store's fastest plain way in, where one was measured: COPY on PostgreSQL, a reused prepared INSERT on SQLite.
        var reference = new[] { CopyScenario.Name, PreparedInsertScenario.Name }.FirstOrDefault(_byScenario.ContainsKey);
        var hasReference = reference is not null;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {_title}").AppendLine();
        foreach (var line in _setup.Concat(_description))
        {
            md.AppendLine(line);
        }

        md.AppendLine()
            .Append("| Scenario | Rows written | Median time | Rows/s | Cost vs bulk insert |").Append(hasReference ? " Cost vs reference load |" : string.Empty).AppendLine(" CPU time | CPU cost vs bulk insert | Rounds (s) |")
            .Append("|---|---:|---:|---:|---:|").Append(hasReference ? "---:|" : string.Empty).AppendLine("---:|---:|---|");
        foreach (var scenario in _order)
        {
            var median = Median(scenario);
            md.Append(CultureInfo.InvariantCulture, $"| {scenario} | {median.Rows:N0} | {median.Elapsed.TotalSeconds:0.00} s | {median.RowsPerSecond:N0} | {Ratio(scenario, BulkInsertScenario.Name):0.00}x |");
            if (hasReference)
            {
                md.Append(CultureInfo.InvariantCulture, $" {Ratio(scenario, reference!):0.00}x |");
            }

            md.Append(CultureInfo.InvariantCulture, $" {MedianCpu(scenario).TotalSeconds:0.00} s | {CpuRatio(scenario):0.00}x |");
            md.AppendLine(CultureInfo.InvariantCulture, $" {string.Join(" / ", _byScenario[scenario].Select(m => m.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }

        var verdict = WorstMergeRatio <= Target ? "within" : "OVER";
        var referenceNote = hasReference ? $" Reference load: {reference}." : string.Empty;
        var judged = string.Join(", ", _judged.Select(j => string.Create(CultureInfo.InvariantCulture, $"{j} {Ratio(j, BulkInsertScenario.Name):0.00}x")));
        var judgedCpu = string.Join(", ", _judged.Select(j => string.Create(CultureInfo.InvariantCulture, $"{CpuRatio(j):0.00}x")));
        md.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Cost = wall-clock time per row written relative to the baseline's (median over rounds); the target is at most {Target:0.0}x the bulk insert.{referenceNote} " +
                $"CPU time = {_cpuScope}, which moves less than the wall clock when other work competes for the cores.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"**Verdict ({_title}): {judged} the bulk insert (CPU: {judgedCpu}): {verdict} the {Target:0}x target.**");
        return md.ToString();
    }

    private Measurement Median(string scenario)
    {
        var sorted = _byScenario[scenario].OrderBy(m => m.Elapsed).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1
            ? sorted[middle]
            : sorted[middle] with { Timing = sorted[middle].Timing with { Elapsed = (sorted[middle - 1].Elapsed + sorted[middle].Elapsed) / 2 } };
    }

    private TimeSpan MedianCpu(string scenario)
    {
        var sorted = _byScenario[scenario].Select(m => m.Cpu).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private double CpuRatio(string scenario)
    {
        var perRow = MedianCpu(scenario).TotalSeconds / Median(scenario).Rows;
        var baseline = MedianCpu(BulkInsertScenario.Name).TotalSeconds / Median(BulkInsertScenario.Name).Rows;
        return perRow / baseline;
    }

    private double Ratio(string scenario, string baseline) =>
        _byScenario.ContainsKey(scenario) && _byScenario.ContainsKey(baseline)
            ? Median(baseline).RowsPerSecond / Median(scenario).RowsPerSecond
            : double.NaN;
}
