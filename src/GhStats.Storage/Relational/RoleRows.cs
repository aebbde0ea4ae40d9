namespace GhStats.Storage.Relational;

/// <summary>A result of one role column (system roles, a member's tenant role), and how to read it as its enum.</summary>
internal static class RoleRows
{
    public static readonly RowShape Shape = new("role");

    private static readonly RowColumn Role = Shape.Column("role");

    public static TRole Read<TRole>(RowReader r)
        where TRole : struct, Enum => r.Enum<TRole>(Role);
}
