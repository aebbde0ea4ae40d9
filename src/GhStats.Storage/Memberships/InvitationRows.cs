using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Memberships;

/// <summary>The columns every invitation query selects, and how to read an invitation from them.</summary>
internal static class InvitationRows
{
    public static readonly RowShape Shape = new("invitation");

    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Email = Shape.Column("email");
    private static readonly RowColumn Role = Shape.Column("role");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");

    public static Invitation Read(RowReader r) => new(r.Int64(TenantId), r.Text(Email), r.Enum<TenantRole>(Role), r.Timestamp(CreatedAt));
}
