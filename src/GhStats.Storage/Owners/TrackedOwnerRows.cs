using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Owners;

/// <summary>The columns every tracked-owner query selects, and how to read a tracked owner from them.</summary>
internal static class TrackedOwnerRows
{
    public static readonly RowShape Shape = new("tracked owner");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn ConnectionId = Shape.Column("connection_id");
    private static readonly RowColumn Owner = Shape.Column("owner");
    private static readonly RowColumn IncludePatterns = Shape.Column("include_patterns");
    private static readonly RowColumn ExcludePatterns = Shape.Column("exclude_patterns");
    private static readonly RowColumn SkipForks = Shape.Column("skip_forks");
    private static readonly RowColumn SkipArchived = Shape.Column("skip_archived");
    private static readonly RowColumn AddedAt = Shape.Column("added_at");

    public static TrackedOwner Read(RowReader r) => new(
        r.Int64(Id), r.Int64(TenantId), r.NullableInt64(ConnectionId), r.Text(Owner), r.NullableText(IncludePatterns), r.NullableText(ExcludePatterns),
        r.Int32(SkipForks) != 0, r.Int32(SkipArchived) != 0, r.Timestamp(AddedAt));
}
