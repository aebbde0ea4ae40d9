using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>
/// A repository (<c>r</c>) with one of its <c>traffic_daily</c> rows (<c>d</c>, left-joined: null when it has none in the
/// range) with its coverage. A stored day written by a plain merge is known, but only as a lower bound, so it is partial.
/// </summary>
internal static class CoveredDayRows
{
    public static readonly RowShape Shape = new("covered traffic day");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id", "r.id");
    private static readonly RowColumn Day = Shape.Column("day", "d.day");
    private static readonly RowColumn Views = Shape.Column("views", "d.views");
    private static readonly RowColumn UniqueViews = Shape.Column("unique_views", "d.unique_views");
    private static readonly RowColumn Clones = Shape.Column("clones", "d.clones");
    private static readonly RowColumn UniqueClones = Shape.Column("unique_clones", "d.unique_clones");
    private static readonly RowColumn Coverage = Shape.Column("coverage", "CAST(d.coverage AS INTEGER)");

    /// <summary>The repository and its day, or null when the repository has no stored day in the range.</summary>
    public static (long RepositoryId, CoveredTrafficDay? Day) Read(RowReader r)
    {
        var repositoryId = r.Int64(RepositoryId);
        if (r.NullableDate(Day) is not { } day)
        {
            return (repositoryId, null);
        }

        var traffic = new TrafficDay(repositoryId, day, r.Int32(Views), r.Int32(UniqueViews), r.Int32(Clones), r.Int32(UniqueClones));
        return (repositoryId, new CoveredTrafficDay(traffic, (DayCoverage)r.Int32(Coverage)));
    }

    /// <summary>A day no read covered: its counts are zero and mean nothing.</summary>
    public static CoveredTrafficDay NotCollected(long repositoryId, DateOnly day) =>
        new(new TrafficDay(repositoryId, day, 0, 0, 0, 0), DayCoverage.NotCollected);
}
