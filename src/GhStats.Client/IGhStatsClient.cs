using Refit;

namespace GhStats.Client;

/// <summary>
/// GhStats' JSON API v1 in one client: the caller and tokens, tenants, repositories, traffic, release downloads, CSV
/// exports, chart markers and notes, collection, notifications, public dashboards, imports, restores and exports. Make one with <c>services.AddGhStatsClient(...)</c> or, without dependency injection,
/// <see cref="GhStatsClient.Create"/>. Every call authenticates with the configured personal API token. A refusal
/// or error answer throws <see cref="GhStatsApiException"/>; an unreachable or silent server throws
/// <see cref="GhStatsConnectionException"/>.
/// </summary>
public interface IGhStatsClient : IGhStatsAccount, IGhStatsTenants, IGhStatsRepositories, IGhStatsTraffic, IGhStatsReleases, IGhStatsExports, IGhStatsAnnotations, IGhStatsRuns, IGhStatsAudit, IGhStatsNotifications, IGhStatsDashboards, IGhStatsTransfers, IDisposable
{
}
