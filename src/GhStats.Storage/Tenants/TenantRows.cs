using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Tenants;

/// <summary>The columns every tenant query selects, and how to read a tenant from them.</summary>
internal static class TenantRows
{
    public static readonly RowShape Shape = new("tenant");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn Slug = Shape.Column("slug");
    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");

    public static Tenant Read(RowReader r) => new(r.Int64(Id), r.Text(Slug), r.Text(Name), r.Timestamp(CreatedAt));
}
