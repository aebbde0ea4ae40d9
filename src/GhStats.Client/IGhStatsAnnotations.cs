using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Chart markers and owners' notes on days of a repository or a whole tenant: <c>/api/v1/.../annotations</c>.</summary>
public interface IGhStatsAnnotations
{
    /// <summary>The markers of a repository's time charts: its notes, its tenant's notes and its releases, by date.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The markers.</returns>
    [Get("/api/v1/repos/{id}/annotations")]
    Task<ChartMarkers> ListRepositoryMarkersAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>A tenant's notes on the whole tenant, by date.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notes, as markers.</returns>
    [Get("/api/v1/tenants/{tenant}/annotations")]
    Task<ChartMarkers> ListTenantAnnotationsAsync(
        string tenant,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>Puts a note on a day of a repository (owners of its tenant).</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="request">The day, text and link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The note, as a marker.</returns>
    [Post("/api/v1/repos/{id}/annotations")]
    Task<ChartMarker> AddRepositoryAnnotationAsync(long id, [Body] CreateAnnotationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Puts a note on a day of the whole tenant: every repository's charts show it (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">The day, text and link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The note, as a marker.</returns>
    [Post("/api/v1/tenants/{tenant}/annotations")]
    Task<ChartMarker> AddTenantAnnotationAsync(string tenant, [Body] CreateAnnotationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a note of a tenant, on the tenant or on one of its repositories (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The note's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the note is gone.</returns>
    [Delete("/api/v1/tenants/{tenant}/annotations/{id}")]
    Task DeleteAnnotationAsync(string tenant, long id, CancellationToken cancellationToken = default);
}
