using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Owners (users or organisations) whose repositories tenants track as a whole.</summary>
public interface ITrackedOwnerStore
{
    /// <summary>Starts tracking every repository of an owner.</summary>
    /// <param name="owner">What to track.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored owner.</returns>
    /// <exception cref="ArgumentException">When the owner name breaks GitHub's rules or a pattern list is too long.</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant, or the connection in the tenant, does not exist.</exception>
    /// <exception cref="GhStatsConflictException">When the tenant already tracks the owner.</exception>
    Task<TrackedOwner> AddAsync(NewTrackedOwner owner, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's tracked owners, by login.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The owners.</returns>
    Task<IReadOnlyList<TrackedOwner>> ListAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Lists the tracked owners of every tenant, or of one, for a collection run.</summary>
    /// <param name="tenantId">One tenant, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The owners.</returns>
    Task<IReadOnlyList<TrackedOwner>> ListForCollectionAsync(long? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>Stops tracking an owner as a whole; repositories found so far stay tracked.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="ownerId">The tracked owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once removed.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task RemoveAsync(long tenantId, long ownerId, CancellationToken cancellationToken = default);
}
