using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>
/// A tenant summary's columns: a repository's (from <c>r</c>) with its latest counters (kept on its row, null before the
/// first), and its totals over the range (from <c>t</c>, its days' and blocks' sums, null when it has none), and how to
/// read a row.
/// </summary>
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

    private static readonly RowColumn LatestStatsDay = Shape.Column("latest_stats_day", "r.latest_stats_day");
    private static readonly RowColumn LatestStars = Shape.Column("latest_stars", "r.latest_stars");
    private static readonly RowColumn LatestForks = Shape.Column("latest_forks", "r.latest_forks");
    private static readonly RowColumn LatestWatchers = Shape.Column("latest_watchers", "r.latest_watchers");
    private static readonly RowColumn LatestOpenIssues = Shape.Column("latest_open_issues", "r.latest_open_issues");
    private static readonly RowColumn LatestSizeKb = Shape.Column("latest_size_kb", "r.latest_size_kb");

    /// <summary>Reads a row (its latest counters whatever their day); <paramref name="rangeDays"/> is how many days the range has.</summary>
    public static (TrackedRepository Repository, TrafficTotals Totals, RepositoryDailyStats? Latest) Read(RowReader r, int rangeDays)
    {
        var known = r.NullableInt32(Days) ?? 0;
        var repository = RepositoryRows.Read(r);
        var latest = r.NullableDate(LatestStatsDay) is { } day
            ? new RepositoryDailyStats(repository.Id, day, r.Int32(LatestStars), r.Int32(LatestForks), r.Int32(LatestWatchers), r.Int32(LatestOpenIssues), r.Int64(LatestSizeKb))
            : null;
        return (repository, new TrafficTotals(
            r.NullableInt64(Views) ?? 0, r.NullableInt64(Clones) ?? 0, r.NullableInt64(PeakUniqueViews) ?? 0, r.NullableInt64(PeakUniqueClones) ?? 0,
            known, rangeDays, known, r.NullableInt32(PartialDays) ?? 0), latest);
    }
}
