using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Tokens;

/// <summary>API token hashes on a relational database.</summary>
internal sealed class ApiTokenStore(StoreDatabase db, TokenStatements sql) : IApiTokenStore
{
    public Task<ApiToken> CreateAsync(long userId, string name, string tokenHash, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var checkedName = Input.Required(name, nameof(name), FieldLimits.TokenName);
        var checkedHash = Input.Required(tokenHash, nameof(tokenHash), FieldLimits.TokenHash);
        var now = db.Now;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.UserExists, c => c.With("user_id", userId), "user", userId, cancellationToken).ConfigureAwait(false);

                using (var hash = db.Command(connection, transaction, sql.HashExists).With("token_hash", checkedHash))
                {
                    if (await hash.ScalarInt64Async(cancellationToken).ConfigureAwait(false) > 0)
                    {
                        throw new GhStatsConflictException("A token with this hash is already stored.");
                    }
                }

                try
                {
                    using var insert = db.Command(connection, transaction, sql.Insert)
                        .With("user_id", userId).With("name", checkedName).With("token_hash", checkedHash)
                        .With("created_at", now).With("expires_at", expiresAt);
                    var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The database returned no id for the new token.");
                    return new ApiToken(id, userId, checkedName, checkedHash, now, null, expiresAt, null);
                }
                catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
                {
                    // Another replica stored the same hash between the check and the insert.
                    throw new GhStatsConflictException("A token with this hash is already stored.", e);
                }
            },
            cancellationToken);
    }

    public Task<ApiToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.FindByHash).With("token_hash", tokenHash);
                return await command.FirstOrDefaultAsync(ApiTokenRows.Shape, ApiTokenRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiToken>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<ApiToken>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.List).With("user_id", userId);
                return await command.ListAsync(ApiTokenRows.Shape, ApiTokenRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> RevokeAsync(long userId, long tokenId, CancellationToken cancellationToken = default)
    {
        var now = db.Now;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.Revoke)
                    .With("revoked_at", now).With("token_id", tokenId).With("user_id", userId);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken);
    }

    public Task RecordUseAsync(long tokenId, CancellationToken cancellationToken = default)
    {
        var now = db.Now;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.RecordUse).With("last_used_at", now).With("token_id", tokenId);
                await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
