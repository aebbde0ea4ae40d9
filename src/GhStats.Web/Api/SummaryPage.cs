using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Api;

/// <summary>
/// Filters, sorts and pages a summary's rows in memory. The rows of a whole tenant are computed (and cached) once; a
/// page of them costs a filter and a sort of those rows, which measured far below the summary's own query (see
/// bench/README.md, "overview"), and sorts on fields the SQL does not know (the change, the horizon).
/// </summary>
internal static class SummaryPage
{
    public static SummaryResponse Of(DateOnly from, DateOnly to, IReadOnlyList<SummaryRowResponse> rows, SummaryPageQuery query)
    {
        IEnumerable<SummaryRowResponse> matching = rows;
        if (query.Name is { } name)
        {
            matching = matching.Where(r => r.FullName.Contains(name, StringComparison.OrdinalIgnoreCase));
        }

        var matched = matching.ToList();
        if (query.Sort is { } sort)
        {
            matched.Sort(Comparer(sort, query.Descending));
        }

        var page = matched.Skip(query.Offset);
        if (query.Limit is { } limit)
        {
            page = page.Take(limit);
        }

        var totals = new SummaryTotalsResponse(
            matched.Count, matched.Sum(r => r.Views), matched.Sum(r => r.Clones), matched.Sum(r => (long)(r.Stars ?? 0)), matched.Sum(r => (long)(r.Forks ?? 0)));
        return new SummaryResponse(from, to, page.ToList(), matched.Count, query.Offset, query.Limit, query.Sort, query.Descending ? "desc" : "asc", totals);
    }

    /// <summary>By the field, rows without a value last in either order, then by name, tenant and id so pages never overlap.</summary>
    private static Comparison<SummaryRowResponse> Comparer(string sort, bool descending)
    {
        Comparison<SummaryRowResponse> byField = sort switch
        {
            "fullName" => (_, _) => 0,
            "views" => Numbers<long>(r => r.Views, descending),
            "viewsChange" => Numbers<double>(r => r.Previous?.ViewsChange, descending),
            "peakDailyUniqueViews" => Numbers<long>(r => r.PeakDailyUniqueViews, descending),
            "clones" => Numbers<long>(r => r.Clones, descending),
            "clonesChange" => Numbers<double>(r => r.Previous?.ClonesChange, descending),
            "peakDailyUniqueClones" => Numbers<long>(r => r.PeakDailyUniqueClones, descending),
            "stars" => Numbers<long>(r => r.Stars, descending),
            "forks" => Numbers<long>(r => r.Forks, descending),
            "daysSinceRead" => Numbers<long>(r => r.Horizon.DaysSinceRead, descending),
            "lastStatus" => Texts(r => r.LastStatus, descending),
            "lastCollectedAt" => Numbers<long>(r => r.LastCollectedAt?.UtcTicks, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a sort key; SummaryQuery checks them."),
        };
        var nameOrder = sort == "fullName" && descending ? -1 : 1;
        return (a, b) =>
        {
            var order = byField(a, b);
            if (order == 0)
            {
                order = nameOrder * StringComparer.OrdinalIgnoreCase.Compare(a.FullName, b.FullName);
            }

            if (order == 0)
            {
                order = nameOrder * string.CompareOrdinal(a.Tenant, b.Tenant);
            }

            return order != 0 ? order : nameOrder * a.RepoId.CompareTo(b.RepoId);
        };
    }

    private static Comparison<SummaryRowResponse> Numbers<T>(Func<SummaryRowResponse, T?> value, bool descending)
        where T : struct, IComparable<T> =>
        (a, b) => (value(a), value(b)) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => descending ? y.CompareTo(x) : x.CompareTo(y),
        };

    private static Comparison<SummaryRowResponse> Texts(Func<SummaryRowResponse, string?> value, bool descending) =>
        (a, b) => (value(a), value(b)) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => descending ? string.CompareOrdinal(y, x) : string.CompareOrdinal(x, y),
        };
}
