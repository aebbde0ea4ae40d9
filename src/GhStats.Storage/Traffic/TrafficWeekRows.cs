using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>The columns of a <c>traffic_weekly</c> row, and how to read GitHub's figures of a week from them.</summary>
internal static class TrafficWeekRows
{
    public static readonly RowShape Shape = new("traffic week");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn WeekStart = Shape.Column("week_start");
    private static readonly RowColumn Views = Shape.Column("views");
    private static readonly RowColumn UniqueViews = Shape.Column("unique_views");
    private static readonly RowColumn Clones = Shape.Column("clones");
    private static readonly RowColumn UniqueClones = Shape.Column("unique_clones");

    public static TrafficWeek Read(RowReader r) => new(
        r.Int64(RepositoryId), r.Date(WeekStart), r.Int32(Views), r.Int32(UniqueViews), r.Int32(Clones), r.Int32(UniqueClones));
}
