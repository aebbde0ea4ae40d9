using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Dashboards;

/// <summary>
/// Reads what a public dashboard shows for a range: per repository its totals, latest stars and daily series with coverage,
/// and its rankings only where the Owner opted in. Only the repository's GitHub name leaves the tenant; no ids, no
/// members, no connections.
/// </summary>
internal static class PublicDashboardData
{
    public static async Task<PublicDashboardResponse> ReadAsync(
        PublicDashboard dashboard, IReadOnlyList<long> repositoryIds, DateRange range, ITrafficStore traffic, CancellationToken cancellationToken)
    {
        var repositories = new List<PublicRepositoryResponse>();
        var summaries = repositoryIds.Count == 0
            ? []
            : await traffic.GetTenantSummaryAsync(dashboard.TenantId, range, repositoryIds, cancellationToken);
        foreach (var summary in summaries)
        {
            var repository = summary.Repository;
            var series = await traffic.GetTrafficSeriesAsync(dashboard.TenantId, repository.Id, range, TrafficPeriod.Day, cancellationToken);
            var referrers = dashboard.ShowReferrers
                ? SnapshotRanking.Referrers(await traffic.GetReferrerHistoryAsync(dashboard.TenantId, repository.Id, range, cancellationToken))
                : null;
            var paths = dashboard.ShowPopularContent
                ? SnapshotRanking.Paths(await traffic.GetPathHistoryAsync(dashboard.TenantId, repository.Id, range, cancellationToken))
                : null;
            repositories.Add(new PublicRepositoryResponse(repository.FullName, summary.Totals.ToResponse(), summary.LatestStats?.Stars,
                series.Points.Select(p => p.ToResponse(TrafficPeriod.Day)).ToList(), referrers, paths));
        }

        return new PublicDashboardResponse(dashboard.Title, range.From, range.To, dashboard.ShowReferrers, dashboard.ShowPopularContent, repositories);
    }
}
