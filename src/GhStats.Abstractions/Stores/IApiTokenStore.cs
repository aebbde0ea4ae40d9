using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Personal API tokens, stored as hashes only.</summary>
public interface IApiTokenStore
{
    /// <summary>Stores a new token's hash.</summary>
    /// <param name="userId">The user whose rights it carries.</param>
    /// <param name="name">A label.</param>
    /// <param name="tokenHash">The token's hash; never the token.</param>
    /// <param name="expiresAt">When it stops working, if ever.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token record.</returns>
    /// <exception cref="GhStatsNotFoundException">When the user does not exist.</exception>
    /// <exception cref="GhStatsConflictException">When the hash is already stored.</exception>
    Task<ApiToken> CreateAsync(long userId, string name, string tokenHash, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Finds a token by its hash, usable or not.</summary>
    /// <param name="tokenHash">The hash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or null.</returns>
    Task<ApiToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's tokens, newest first.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    Task<IReadOnlyList<ApiToken>> ListAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a user's token.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="tokenId">The token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the user had that token and it was not yet revoked.</returns>
    Task<bool> RevokeAsync(long userId, long tokenId, CancellationToken cancellationToken = default);

    /// <summary>Records that a token was used now.</summary>
    /// <param name="tokenId">The token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    Task RecordUseAsync(long tokenId, CancellationToken cancellationToken = default);
}
