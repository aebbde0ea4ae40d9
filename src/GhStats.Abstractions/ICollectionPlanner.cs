using GhStats.Domain;

namespace GhStats;

/// <summary>
/// Works out, for a tenant's Owner, what each GitHub connection's budget covers: how many repositories it can keep at
/// hourly and at daily freshness, and how many calls the next UTC day needs at the current run frequency. Implemented by
/// the GitHub collector, which knows what a run reads.
/// </summary>
public interface ICollectionPlanner
{
    /// <summary>Plans a tenant's collection.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan: one entry per connection of the tenant.</returns>
    Task<CollectionPlan> PlanAsync(long tenantId, CancellationToken cancellationToken = default);
}
