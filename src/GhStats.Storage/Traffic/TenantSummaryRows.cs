using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>A tenant summary's columns: a repository's (from <c>r</c>) and its totals over the range (from <c>t</c>, its days' and blocks' sums, null when it has none), and how to read a row.</summary>
internal static class TenantSummaryRows
{
    public static readonly RowShape Shape = new("repository summary", extends: RepositoryRows.Shape);

    private static readonly RowColumn Views = Shape.Column("views", "t.views");
    private static readonly RowColumn Clones = Shape.Column("clones", "t.clones");
    private static readonly RowColumn PeakUniqueViews = Shape.Column("peak_unique_views", "t.peak_unique_views");
    private static readonly RowColumn PeakUniqueClones = Shape.Column("peak_unique_clones", "t.peak_unique_clones");
    private static readonly RowColumn Days = Shape.Column("days", "t.days");

    // A day is partial unless its coverage says complete.
    private static readonly RowColumn PartialDays = Shape.Column("partial_days", "t.partial_days");

    /// <summary>Reads a row; <paramref name="rangeDays"/> is how many days the range has.</summary>
    public static (TrackedRepository Repository, TrafficTotals Totals) Read(RowReader r, int rangeDays)
    {
        var known = r.NullableInt32(Days) ?? 0;
        return (RepositoryRows.Read(r), new TrafficTotals(
            r.NullableInt64(Views) ?? 0, r.NullableInt64(Clones) ?? 0, r.NullableInt64(PeakUniqueViews) ?? 0, r.NullableInt64(PeakUniqueClones) ?? 0,
            known, rangeDays, known, r.NullableInt32(PartialDays) ?? 0));
    }
}
