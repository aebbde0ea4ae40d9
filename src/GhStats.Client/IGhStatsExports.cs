using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>
/// CSV exports (RFC 4180, UTF-8, a header row), as streams: copy them to a file without holding them in memory, and
/// dispose them. The client's timeout covers the wait for the response to start; reading the stream is bounded by
/// the cancellation token you pass to your own reads.
/// </summary>
public interface IGhStatsExports
{
    /// <summary>A repository's traffic: repository, date, views, unique_views, clones, unique_clones.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="per">Day (null), week or month.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/repos/{id}/traffic.csv")]
    Task<Stream> ExportTrafficCsvAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] TrafficPeriod? per = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's referrer snapshots: repository, captured_on, referrer, views, unique_views.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/repos/{id}/referrers.csv")]
    Task<Stream> ExportReferrersCsvAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's popular content snapshots: repository, captured_on, path, title, views, unique_views.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/repos/{id}/paths.csv")]
    Task<Stream> ExportPathsCsvAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>Daily traffic of every repository the caller may read: tenant, repository, date, views, unique_views, clones, unique_clones.</summary>
    /// <param name="tenant">A tenant's slug; null for every tenant the caller sees.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/traffic.csv")]
    Task<Stream> ExportTenantTrafficCsvAsync(
        [Query] string? tenant = null,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's chart markers: repository, date, kind, scope, title, text, link, id.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/repos/{id}/annotations.csv")]
    Task<Stream> ExportAnnotationsCsvAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);
}
