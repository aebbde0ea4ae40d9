using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Memberships;

/// <summary>The columns a membership query selects, and how to read a membership from them.</summary>
internal static class MembershipRows
{
    public static readonly RowShape Shape = new("membership");

    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn UserId = Shape.Column("user_id");
    private static readonly RowColumn Role = Shape.Column("role");

    public static Membership Read(RowReader r) => new(r.Int64(TenantId), r.Int64(UserId), r.Enum<TenantRole>(Role));
}
