using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Annotations;

/// <summary>The columns every annotation query selects, and how to read an annotation from them.</summary>
internal static class AnnotationRows
{
    public static readonly RowShape Shape = new("annotation");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn Day = Shape.Column("day");
    private static readonly RowColumn Text = Shape.Column("note");
    private static readonly RowColumn Link = Shape.Column("link");
    private static readonly RowColumn CreatedBy = Shape.Column("created_by");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");

    public static Annotation Read(RowReader r) => new(
        r.Int64(Id), r.Int64(TenantId), r.NullableInt64(RepositoryId), r.Date(Day), r.Text(Text), r.NullableText(Link), r.Text(CreatedBy), r.Timestamp(CreatedAt));
}
