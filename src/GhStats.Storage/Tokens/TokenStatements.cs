using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Tokens;

/// <summary>The SQL of <see cref="ApiTokenStore"/>.</summary>
internal sealed class TokenStatements : StatementSet
{
    public TokenStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = ApiTokenRows.Shape.Select();
        UserExists = new("Tokens.UserExists", $"SELECT COUNT(*) FROM {T("users")} WHERE id = @user_id");
        HashExists = new("Tokens.HashExists", $"SELECT COUNT(*) FROM {T("api_tokens")} WHERE token_hash = @token_hash");
        Insert = new("Tokens.Insert", Dialect.InsertReturningId(
            T("api_tokens"), "user_id, name, token_hash, created_at, expires_at", "@user_id, @name, @token_hash, @created_at, @expires_at"));
        FindByHash = new("Tokens.FindByHash", $"SELECT {columns} FROM {T("api_tokens")} WHERE token_hash = @token_hash");
        List = new("Tokens.List", $"SELECT {columns} FROM {T("api_tokens")} WHERE user_id = @user_id ORDER BY created_at DESC, id DESC");
        Revoke = new("Tokens.Revoke",
            $"UPDATE {T("api_tokens")} SET revoked_at = @revoked_at WHERE id = @token_id AND user_id = @user_id AND revoked_at IS NULL");
        RecordUse = new("Tokens.RecordUse", $"UPDATE {T("api_tokens")} SET last_used_at = @last_used_at WHERE id = @token_id");
    }

    public SqlStatement UserExists { get; }

    public SqlStatement HashExists { get; }

    public SqlStatement Insert { get; }

    public SqlStatement FindByHash { get; }

    public SqlStatement List { get; }

    public SqlStatement Revoke { get; }

    public SqlStatement RecordUse { get; }
}
