using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Storage.Users;

namespace GhStats.Storage.Memberships;

/// <summary>A member listing's columns: a profile's (from <c>u</c>) and the membership's role (from <c>m</c>).</summary>
internal static class MemberRows
{
    public static readonly RowShape Shape = new("tenant member", extends: ProfileRows.Shape);

    private static readonly RowColumn Role = Shape.Column("role", "m.role");

    public static TenantMember Read(RowReader r) => new(ProfileRows.Read(r), r.Enum<TenantRole>(Role));
}
