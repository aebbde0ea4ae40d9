using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>The caller and their personal API tokens: <c>/api/v1/me</c>.</summary>
public interface IGhStatsAccount
{
    /// <summary>Who the token belongs to, their system roles, and the tenants they see.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The caller.</returns>
    [Get("/api/v1/me")]
    Task<CurrentUser> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Chooses the caller's language: pages use it on every browser they sign in with, and their digests and alerts are
    /// written in it. An unsupported language answers 400 (<see cref="GhStatsApiException"/>).
    /// </summary>
    /// <param name="request">The language, or null to choose none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The language as stored.</returns>
    [Put("/api/v1/me/language")]
    Task<UserLanguage> SetLanguageAsync([Body] SetLanguageRequest request, CancellationToken cancellationToken = default);

    /// <summary>The caller's personal API tokens, without their secrets.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, revoked and expired ones included.</returns>
    [Get("/api/v1/me/tokens")]
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a personal API token. Only a signed-in session may: a token cannot mint another token, so with the
    /// client's own token the server answers 403 (<see cref="GhStatsApiException"/>). Make tokens in the browser, with
    /// the host's <c>token create</c> command, or with this method over a session cookie you manage yourself.
    /// </summary>
    /// <param name="request">The token's name and lifetime.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, shown this once.</returns>
    [Post("/api/v1/me/tokens")]
    Task<CreatedApiToken> CreateTokenAsync([Body] CreateTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the caller's tokens at once (it may be the token making this call).</summary>
    /// <param name="id">The token's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the token is revoked.</returns>
    [Delete("/api/v1/me/tokens/{id}")]
    Task RevokeTokenAsync(long id, CancellationToken cancellationToken = default);
}
