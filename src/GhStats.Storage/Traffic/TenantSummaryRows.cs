using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>A tenant summary's columns: a repository's (from <c>r</c>) and its totals over the range (from <c>d</c>, with its coverage), and how to read a row.</summary>
internal static class TenantSummaryRows
{
    public static readonly RowShape Shape = new("repository summary", extends: RepositoryRows.Shape);

    private static readonly RowColumn Views = Shape.Column("views", "SUM(CAST(d.views AS BIGINT))");
    private static readonly RowColumn Clones = Shape.Column("clones", "SUM(CAST(d.clones AS BIGINT))");
    private static readonly RowColumn PeakUniqueViews = Shape.Column("peak_unique_views", "MAX(d.unique_views)");
    private static readonly RowColumn PeakUniqueClones = Shape.Column("peak_unique_clones", "MAX(d.unique_clones)");
    private static readonly RowColumn Days = Shape.Column("days", "COUNT(d.day)");

    // A day is partial unless its coverage says complete; d.day is null when the repository has no day in the range.
    private static readonly RowColumn PartialDays = Shape.Column("partial_days", "SUM(CASE WHEN d.day IS NULL OR d.coverage = 2 THEN 0 ELSE 1 END)");

    /// <summary>Reads a row; <paramref name="rangeDays"/> is how many days the range has.</summary>
    public static (TrackedRepository Repository, TrafficTotals Totals) Read(RowReader r, int rangeDays)
    {
        var known = r.Int32(Days);
        return (RepositoryRows.Read(r), new TrafficTotals(
            r.NullableInt64(Views) ?? 0, r.NullableInt64(Clones) ?? 0, r.NullableInt64(PeakUniqueViews) ?? 0, r.NullableInt64(PeakUniqueClones) ?? 0,
            known, rangeDays, known, r.NullableInt32(PartialDays) ?? 0));
    }
}
