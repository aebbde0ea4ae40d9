using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>
/// Traffic, referrers, popular content, repository figures and the tenant summary. Ranges are UTC days; without
/// <c>from</c> and <c>to</c> a query covers the server's default (the last 30 days).
/// </summary>
public interface IGhStatsTraffic
{
    /// <summary>A repository's views and clones per day, week or month, with totals.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="per">Day (null), week or month.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The series.</returns>
    [Get("/api/v1/repos/{id}/traffic")]
    Task<TrafficSeries> GetTrafficAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] TrafficPeriod? per = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's referrer snapshots and their ranking over a range.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ranking and the snapshots.</returns>
    [Get("/api/v1/repos/{id}/referrers")]
    Task<ReferrerReport> GetReferrersAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's popular content snapshots and their ranking over a range.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ranking and the snapshots.</returns>
    [Get("/api/v1/repos/{id}/paths")]
    Task<PathReport> GetPathsAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's stars, forks, watchers, open issues and size over a range.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One point per collected day.</returns>
    [Get("/api/v1/repos/{id}/stats")]
    Task<RepositoryStats> GetStatsAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A repository's star history before tracking, backfilled from GitHub's stargazers list: a lower bound (people who
    /// unstarred are not listed), with where the series starts and, if GitHub limited the list, where it is known through.
    /// </summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The backfill's state and one point per backfilled day of the range.</returns>
    [Get("/api/v1/repos/{id}/star-history")]
    Task<StarHistory> GetStarHistoryAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// One row of totals per repository the caller may read, or one page of them sorted and filtered on the server: what a
    /// tenant of thousands of repositories is read with. <see cref="TrafficSummary.Matching"/> and
    /// <see cref="TrafficSummary.Totals"/> cover every matching row, whatever the page.
    /// </summary>
    /// <param name="tenant">A tenant's slug; null for every tenant the caller sees.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="sort">What to sort by; null for tenant, owner and name.</param>
    /// <param name="order">Ascending (null) or descending.</param>
    /// <param name="offset">Matching rows to skip; null for none.</param>
    /// <param name="limit">Rows to answer, 1 to 200; null for every row from <paramref name="offset"/> on.</param>
    /// <param name="name">Only repositories whose owner/name contains this text, ignoring case; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary: the rows asked for, with the count and totals of every matching row.</returns>
    [Get("/api/v1/traffic/summary")]
    Task<TrafficSummary> GetSummaryAsync(
        [Query] string? tenant = null,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] SummarySort? sort = null,
        [Query] SortOrder? order = null,
        [Query] int? offset = null,
        [Query] int? limit = null,
        [Query] string? name = null,
        CancellationToken cancellationToken = default);

    /// <summary>One to 10 repositories of a tenant side by side: one metric per day, week or month, absolute and normalised.</summary>
    /// <param name="tenant">The tenant's slug; every repository must be one the caller may read in it (else 404).</param>
    /// <param name="repos">The repository ids, comma separated (e.g. "12,15").</param>
    /// <param name="metric"><c>views</c> (null), <c>uniqueViews</c>, <c>clones</c>, <c>stars</c>, <c>downloads</c>, or another the server offers.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="per">Day (null), week or month.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The comparison.</returns>
    [Get("/api/v1/traffic/compare")]
    Task<TrafficComparison> CompareAsync(
        [Query] string tenant,
        [Query] string repos,
        [Query] string? metric = null,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] TrafficPeriod? per = null,
        CancellationToken cancellationToken = default);

    /// <summary>A tenant's visible repositories combined: views and clones summed, unique counts only as lower bounds.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="per">Day (null), week or month.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The combined series.</returns>
    [Get("/api/v1/traffic/tenant")]
    Task<TenantTraffic> GetTenantTrafficAsync(
        [Query] string tenant,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] TrafficPeriod? per = null,
        CancellationToken cancellationToken = default);
}
