using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Memberships;

/// <summary>The columns a grant listing selects, and how to read a single-repository grant from them.</summary>
internal static class GrantRows
{
    public static readonly RowShape Shape = new("repository grant");

    private static readonly RowColumn UserId = Shape.Column("user_id");
    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");

    public static RepositoryGrant Read(RowReader r) => new(r.Int64(UserId), r.Int64(RepositoryId));
}
