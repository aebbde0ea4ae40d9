using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// Public dashboards: read-only pages of chosen repositories of a tenant. A repository that is untracked or purged leaves
/// every dashboard it was on; deleting a tenant deletes its dashboards.
/// </summary>
public interface IPublicDashboardStore
{
    /// <summary>Makes a dashboard.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="slug">Its address segment, unique in the installation.</param>
    /// <param name="settings">What it shows.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored dashboard.</returns>
    /// <exception cref="ArgumentException">When the title, slug or origins are empty or too long.</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant, or one of the repositories among its tracked ones, does not exist.</exception>
    /// <exception cref="GhStatsConflictException">When the slug is taken.</exception>
    Task<PublicDashboard> CreateAsync(long tenantId, string slug, PublicDashboardSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Replaces what a dashboard shows, its repositories included.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="dashboardId">The dashboard.</param>
    /// <param name="settings">What it shows from now on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed dashboard.</returns>
    /// <exception cref="ArgumentException">When the title or origins are empty or too long.</exception>
    /// <exception cref="GhStatsNotFoundException">When the dashboard is not in the tenant, or a repository is not among its tracked ones.</exception>
    Task<PublicDashboard> UpdateAsync(long tenantId, long dashboardId, PublicDashboardSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Publishes or unpublishes a dashboard; an unpublished one keeps its settings and address.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="dashboardId">The dashboard.</param>
    /// <param name="published">Serve it or not.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed dashboard.</returns>
    /// <exception cref="GhStatsNotFoundException">When the dashboard is not in the tenant.</exception>
    Task<PublicDashboard> SetPublishedAsync(long tenantId, long dashboardId, bool published, CancellationToken cancellationToken = default);

    /// <summary>Reads one dashboard of a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="dashboardId">The dashboard.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dashboard.</returns>
    /// <exception cref="GhStatsNotFoundException">When the dashboard is not in the tenant.</exception>
    Task<PublicDashboard> GetAsync(long tenantId, long dashboardId, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's dashboards, by title.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dashboards.</returns>
    Task<IReadOnlyList<PublicDashboard>> ListAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Finds a published dashboard by its address segment, for the public page.</summary>
    /// <param name="slug">The address segment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dashboard, or null when no published one has that slug.</returns>
    Task<PublicDashboard?> FindPublishedAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Deletes a dashboard and its choice of repositories.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="dashboardId">The dashboard.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once deleted.</returns>
    /// <exception cref="GhStatsNotFoundException">When the dashboard is not in the tenant.</exception>
    Task DeleteAsync(long tenantId, long dashboardId, CancellationToken cancellationToken = default);
}
