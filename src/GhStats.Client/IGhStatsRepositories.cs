using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Tracked repositories: <c>/api/v1/repos</c>.</summary>
public interface IGhStatsRepositories
{
    /// <summary>The repositories the caller may read, with their last collection.</summary>
    /// <param name="tenant">A tenant's slug to list that tenant's only; null for every tenant the caller sees.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repositories.</returns>
    [Get("/api/v1/repos")]
    Task<IReadOnlyList<TrackedRepository>> ListRepositoriesAsync([Query] string? tenant = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many of the repositories the caller may see are fine, at risk or losing days, and those not fine, worst first.
    /// </summary>
    /// <param name="tenant">A tenant's slug; null for every tenant the caller may see.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The overview.</returns>
    [Get("/api/v1/horizon")]
    Task<HorizonOverview> GetHorizonAsync([Query] string? tenant = null, CancellationToken cancellationToken = default);

    /// <summary>One repository the caller may read; any other answers 404.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository.</returns>
    [Get("/api/v1/repos/{id}")]
    Task<TrackedRepository> GetRepositoryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Tracks a GitHub repository (the tenant's owners): 400 for a bad name, 404 for an unknown tenant, 409 if already tracked.</summary>
    /// <param name="request">The tenant, owner/name and optionally the connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tracked repository.</returns>
    [Post("/api/v1/repos")]
    Task<TrackedRepository> TrackRepositoryAsync([Body] TrackRepositoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops tracking a repository (the tenant's owners); its data is kept unless purged.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="purge">True to delete its stored traffic too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When tracking has stopped.</returns>
    [Delete("/api/v1/repos/{id}")]
    Task RemoveRepositoryAsync(long id, [Query] bool? purge = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Turns a repository's public badges on or off (the tenant's owners and admins): <c>{prefix}/badges/{id}/{metric}.svg</c>
    /// and <c>.json</c> answer without sign-in only while they are on.
    /// </summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="request">Whether badges are on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository, with <see cref="TrackedRepository.BadgesEnabled"/> as now stored.</returns>
    [Put("/api/v1/repos/{id}/badges")]
    Task<TrackedRepository> SetRepositoryBadgesAsync(long id, [Body] SetBadgesRequest request, CancellationToken cancellationToken = default);
}
