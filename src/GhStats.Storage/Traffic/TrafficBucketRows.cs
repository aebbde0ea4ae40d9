using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>
/// The columns of a series per month (<see cref="Shape"/>) and per week (<see cref="WeekShape"/>, which adds GitHub's
/// weekly uniques), as the database aggregates them, and how to read a point with its peaks. A bucket's <c>days</c> are
/// its known (stored) days; how many days the period has is the caller's to set.
/// </summary>
internal static class TrafficBucketRows
{
    public static readonly RowShape Shape = new("traffic bucket");

    private static readonly RowColumn Bucket = Shape.Column("bucket");
    private static readonly RowColumn Views = Shape.Column("views");
    private static readonly RowColumn Clones = Shape.Column("clones");
    private static readonly RowColumn PeakUniqueViews = Shape.Column("peak_unique_views");
    private static readonly RowColumn PeakUniqueClones = Shape.Column("peak_unique_clones");
    private static readonly RowColumn Days = Shape.Column("days");
    private static readonly RowColumn PartialDays = Shape.Column("partial_days");

    // Declared after the month columns: a shape is sealed once another extends it.
    public static readonly RowShape WeekShape = new("traffic week", extends: Shape);

    private static readonly RowColumn WeeklyUniqueViews = WeekShape.Column("unique_views", "w.unique_views");
    private static readonly RowColumn WeeklyUniqueClones = WeekShape.Column("unique_clones", "w.unique_clones");

    public static (TrafficPoint Point, long PeakViews, long PeakClones) ReadMonth(RowReader r) =>
        (new TrafficPoint(r.Date(Bucket), r.Int64(Views), null, r.Int64(Clones), null, 0, r.Int32(Days), r.Int32(PartialDays)),
            r.Int64(PeakUniqueViews), r.Int64(PeakUniqueClones));

    public static (TrafficPoint Point, long PeakViews, long PeakClones) ReadWeek(RowReader r) =>
        (new TrafficPoint(r.Date(Bucket), r.Int64(Views), r.NullableInt64(WeeklyUniqueViews), r.Int64(Clones), r.NullableInt64(WeeklyUniqueClones),
            0, r.Int32(Days), r.Int32(PartialDays)),
            r.Int64(PeakUniqueViews), r.Int64(PeakUniqueClones));
}
