using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Tokens;

/// <summary>The columns every token query selects, and how to read a token from them.</summary>
internal static class ApiTokenRows
{
    public static readonly RowShape Shape = new("API token");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn UserId = Shape.Column("user_id");
    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn TokenHash = Shape.Column("token_hash");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");
    private static readonly RowColumn LastUsedAt = Shape.Column("last_used_at");
    private static readonly RowColumn ExpiresAt = Shape.Column("expires_at");
    private static readonly RowColumn RevokedAt = Shape.Column("revoked_at");

    public static ApiToken Read(RowReader r) => new(
        r.Int64(Id), r.Int64(UserId), r.Text(Name), r.Text(TokenHash), r.Timestamp(CreatedAt),
        r.NullableTimestamp(LastUsedAt), r.NullableTimestamp(ExpiresAt), r.NullableTimestamp(RevokedAt));
}
