using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// A finished job's report as it is stored (<see cref="Domain.TransferJob.Report"/>): the importer's or restorer's report
/// as camelCase JSON, enums as camelCase names, with at most <see cref="MaxRejections"/> rejections in the whole report
/// and a note of how many more there were.
/// </summary>
internal static class TransferReportJson
{
    /// <summary>Rejections stored per report; a hostile file can have millions.</summary>
    public const int MaxRejections = 1_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ImportReport report) => Serialize(report, Cap, r => r.Repositories.Count, (r, keep, note) => r with
    {
        Repositories = r.Repositories.Take(keep).ToList(),
        Notes = [.. r.Notes, note],
    });

    public static string Serialize(RestoreReport report) => Serialize(report, Cap, r => r.Tenants.Sum(t => t.Repositories.Count), (r, keep, note) => r with
    {
        Tenants = r.Tenants.Select(t =>
        {
            var taken = t.Repositories.Take(keep).ToList();
            keep -= taken.Count;
            return t with { Repositories = taken };
        }).ToList(),
        Notes = [.. r.Notes, note],
    });

    /// <summary>The capped report; one too long for the store (<see cref="FieldLimits.TransferReport"/>) lists fewer repositories, and says so.</summary>
    private static string Serialize<T>(T report, Func<T, T> cap, Func<T, int> repositories, Func<T, int, string, T> firstRepositories)
    {
        var capped = cap(report);
        var json = JsonSerializer.Serialize(capped, Json);
        var total = repositories(capped);
        var keep = total;
        while (json.Length > FieldLimits.TransferReport && keep > 0)
        {
            keep /= 2;
            var note = string.Create(CultureInfo.InvariantCulture, $"{total - keep} more repositories are not listed: the report keeps what fits in the job's record.");
            json = JsonSerializer.Serialize(firstRepositories(capped, keep, note), Json);
        }

        return json;
    }

    /// <summary>The report with the first <see cref="MaxRejections"/> rejections (repositories' first, by name, then the source's own).</summary>
    internal static ImportReport Cap(ImportReport report)
    {
        var budget = new Budget();
        var repositories = report.Repositories.Select(r => r with { Rejections = budget.Take(r.Rejections) }).ToList();
        var rejections = budget.Take(report.Rejections);
        return report with { Repositories = repositories, Rejections = rejections, Notes = budget.Noted(report.Notes) };
    }

    internal static RestoreReport Cap(RestoreReport report)
    {
        var budget = new Budget();
        var tenants = report.Tenants.Select(t => t with { Repositories = t.Repositories.Select(r => r with { Rejections = budget.Take(r.Rejections) }).ToList() }).ToList();
        return report with { Tenants = tenants, Notes = budget.Noted(report.Notes) };
    }

    private sealed class Budget
    {
        private int left = MaxRejections;
        private long over;

        public IReadOnlyList<ImportRejection> Take(IReadOnlyList<ImportRejection> rejections)
        {
            var taken = Math.Min(left, rejections.Count);
            left -= taken;
            over += rejections.Count - taken;
            return taken == rejections.Count ? rejections : rejections.Take(taken).ToList();
        }

        public IReadOnlyList<string> Noted(IReadOnlyList<string> notes) => over == 0 ? notes
            : [.. notes, string.Create(CultureInfo.InvariantCulture,
                $"{over} more rejections are not listed: the report keeps the first {MaxRejections}. The host's import command lists them all.")];
    }
}
