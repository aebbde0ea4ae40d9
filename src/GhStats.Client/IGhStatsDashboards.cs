using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>A tenant's public dashboards, for its owners: <c>/api/v1/tenants/{tenant}/dashboards</c>.</summary>
public interface IGhStatsDashboards
{
    /// <summary>The tenant's public dashboards.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dashboards, by title.</returns>
    [Get("/api/v1/tenants/{tenant}/dashboards")]
    Task<IReadOnlyList<PublicDashboard>> ListDashboardsAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Reads one of a tenant's public dashboards (Owners; 404 for one of another tenant).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The dashboard.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dashboard.</returns>
    [Get("/api/v1/tenants/{tenant}/dashboards/{id}")]
    Task<PublicDashboard> GetDashboardAsync(string tenant, long id, CancellationToken cancellationToken = default);

    /// <summary>Makes a public dashboard at a new random address (400 for a repository the tenant does not track or a bad origin).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">What it shows.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new dashboard.</returns>
    [Post("/api/v1/tenants/{tenant}/dashboards")]
    Task<PublicDashboard> CreateDashboardAsync(string tenant, [Body] SetDashboardRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces what a public dashboard shows; its address stays.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The dashboard's id.</param>
    /// <param name="request">What it shows from now on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed dashboard.</returns>
    [Put("/api/v1/tenants/{tenant}/dashboards/{id}")]
    Task<PublicDashboard> UpdateDashboardAsync(string tenant, long id, [Body] SetDashboardRequest request, CancellationToken cancellationToken = default);

    /// <summary>Publishes or unpublishes a public dashboard.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The dashboard's id.</param>
    /// <param name="request">Published or not.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed dashboard.</returns>
    [Put("/api/v1/tenants/{tenant}/dashboards/{id}/published")]
    Task<PublicDashboard> PublishDashboardAsync(string tenant, long id, [Body] PublishDashboardRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a public dashboard.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The dashboard's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When it is gone.</returns>
    [Delete("/api/v1/tenants/{tenant}/dashboards/{id}")]
    Task DeleteDashboardAsync(string tenant, long id, CancellationToken cancellationToken = default);
}
