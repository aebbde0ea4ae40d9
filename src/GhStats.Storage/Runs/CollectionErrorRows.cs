using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Runs;

/// <summary>The columns an error listing selects, and how to read a collection error from them.</summary>
internal static class CollectionErrorRows
{
    public static readonly RowShape Shape = new("collection error");

    private static readonly RowColumn RunId = Shape.Column("run_id");
    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn Kind = Shape.Column("kind");
    private static readonly RowColumn Message = Shape.Column("message");
    private static readonly RowColumn OccurredAt = Shape.Column("occurred_at");

    public static CollectionError Read(RowReader r) => new(
        r.Int64(RunId), r.NullableInt64(RepositoryId), r.Enum<CollectionErrorKind>(Kind), r.Text(Message), r.Timestamp(OccurredAt));
}
