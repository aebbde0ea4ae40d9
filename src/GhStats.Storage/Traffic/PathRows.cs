using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>The columns of a <c>path_snapshots</c> row, and how to read a snapshot from them.</summary>
internal static class PathRows
{
    public static readonly RowShape Shape = new("path snapshot");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn CapturedOn = Shape.Column("captured_on");
    private static readonly RowColumn Path = Shape.Column("path");
    private static readonly RowColumn Title = Shape.Column("title");
    private static readonly RowColumn Views = Shape.Column("views");
    private static readonly RowColumn UniqueViews = Shape.Column("unique_views");

    public static PathSnapshot Read(RowReader r) => new(
        r.Int64(RepositoryId), r.Date(CapturedOn), r.Text(Path), r.Text(Title), r.Int32(Views), r.Int32(UniqueViews));
}
