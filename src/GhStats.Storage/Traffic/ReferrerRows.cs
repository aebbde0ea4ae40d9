using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>The columns of a <c>referrer_snapshots</c> row, and how to read a snapshot from them.</summary>
internal static class ReferrerRows
{
    public static readonly RowShape Shape = new("referrer snapshot");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn CapturedOn = Shape.Column("captured_on");
    private static readonly RowColumn Referrer = Shape.Column("referrer");
    private static readonly RowColumn Views = Shape.Column("views");
    private static readonly RowColumn UniqueViews = Shape.Column("unique_views");

    public static ReferrerSnapshot Read(RowReader r) => new(
        r.Int64(RepositoryId), r.Date(CapturedOn), r.Text(Referrer), r.Int32(Views), r.Int32(UniqueViews));
}
