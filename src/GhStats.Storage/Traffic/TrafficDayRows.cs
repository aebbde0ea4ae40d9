using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>The columns of a <c>traffic_daily</c> row, selected by a repository's daily series and by a tenant's export, and how to read one.</summary>
internal static class TrafficDayRows
{
    public static readonly RowShape Shape = new("traffic day");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn Day = Shape.Column("day");
    private static readonly RowColumn Views = Shape.Column("views");
    private static readonly RowColumn UniqueViews = Shape.Column("unique_views");
    private static readonly RowColumn Clones = Shape.Column("clones");
    private static readonly RowColumn UniqueClones = Shape.Column("unique_clones");

    public static TrafficDay Read(RowReader r) => new(
        r.Int64(RepositoryId), r.Date(Day), r.Int32(Views), r.Int32(UniqueViews), r.Int32(Clones), r.Int32(UniqueClones));
}
