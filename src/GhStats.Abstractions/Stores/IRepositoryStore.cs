using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>The repositories each tenant tracks.</summary>
public interface IRepositoryStore
{
    /// <summary>Starts tracking a repository. A repository removed earlier (and not purged) is tracked again with its history.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="owner">The GitHub owner.</param>
    /// <param name="name">The GitHub repository name.</param>
    /// <param name="connectionId">The tenant's GitHub connection to read it with, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tracked repository.</returns>
    /// <exception cref="ArgumentException">When the names break GitHub's rules.</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant or connection does not exist in the tenant.</exception>
    /// <exception cref="GhStatsConflictException">When the tenant already tracks it.</exception>
    Task<TrackedRepository> AddAsync(long tenantId, string owner, string name, long? connectionId = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository of a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository, tracked or removed.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task<TrackedRepository> GetAsync(long tenantId, long repositoryId, CancellationToken cancellationToken = default);

    /// <summary>Finds a repository by id in any tenant, for deciding who may see it; never show it without that check.</summary>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository, or null.</returns>
    Task<TrackedRepository?> FindAsync(long repositoryId, CancellationToken cancellationToken = default);

    /// <summary>Finds a tenant's repository by GitHub owner and name (case-insensitive, as GitHub).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository, or null.</returns>
    Task<TrackedRepository?> FindByNameAsync(long tenantId, string owner, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's repositories, by owner and name.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="includeRemoved">Whether to include repositories no longer tracked.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repositories.</returns>
    Task<IReadOnlyList<TrackedRepository>> ListAsync(long tenantId, bool includeRemoved = false, CancellationToken cancellationToken = default);

    /// <summary>Lists every tracked repository of every tenant, or of one, for a collection run.</summary>
    /// <param name="tenantId">One tenant, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tracked repositories.</returns>
    Task<IReadOnlyList<TrackedRepository>> ListTrackedAsync(long? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops tracking a repository and takes it off every public dashboard. Its data stays unless <paramref name="purge"/> is set,
    /// which deletes it and the repository.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="purge">Also delete its traffic, snapshots, counters, grants, errors and notes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once removed.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task RemoveAsync(long tenantId, long repositoryId, bool purge = false, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of collecting a repository.</summary>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="status">"ok" or the error kind.</param>
    /// <param name="gitHubId">GitHub's id for it, when read.</param>
    /// <param name="weeklyCollectedOn">The day weekly figures were read in this collection, if they were.</param>
    /// <param name="dailyCollectedOn">The day the once-a-day reads succeeded in this collection, if they were made; null keeps the stored day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once recorded.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task RecordCollectionAsync(
        long repositoryId, string status, long? gitHubId = null, DateOnly? weeklyCollectedOn = null, DateOnly? dailyCollectedOn = null, CancellationToken cancellationToken = default);

    /// <summary>Turns a repository's public traffic badges on or off.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="enabled">Whether badges are served without sign-in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository as now stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task<TrackedRepository> SetBadgesAsync(long tenantId, long repositoryId, bool enabled, CancellationToken cancellationToken = default);
}
