using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>
/// The Owner's plan: each connection's hourly limit (as GitHub last sent it, else 5,000 assumed) against the calls its
/// repositories need at the run frequency (the in-process schedule, else the runs of the last 24 hours, else one a day),
/// worked out with <see cref="CollectionCallModel"/>.
/// </summary>
internal sealed class CollectionPlanner(
    IConnectionStore connections,
    IRepositoryStore repositories,
    ICollectionLaneStore lanes,
    ICollectionRunStore runs,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock) : ICollectionPlanner
{
    // ListAsync's own ceiling; a tenant run every minute and a half or more often is counted as that many.
    private const int RecentRunsLimit = 1000;

    public async Task<CollectionPlan> PlanAsync(long tenantId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (runsPerDay, source) = await RunsPerDayAsync(tenantId, now, cancellationToken).ConfigureAwait(false);
        var nextDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var weekly = CollectionCallModel.ReadsWeekly(nextDay);
        var graphQL = options.Value.GraphQLBatchSize > 0;

        var tenantConnections = await connections.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var tracked = await repositories.ListAsync(tenantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var latest = (await lanes.ListLatestDoneAsync(tenantId, cancellationToken).ConfigureAwait(false))
            .Where(l => l.ConnectionId is not null)
            .GroupBy(l => l.ConnectionId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.FinishedAt).First());

        // As the collector does: a repository that names no connection goes through the tenant's first one.
        var first = tenantConnections.Count > 0 ? tenantConnections[0].Id : (long?)null;
        var through = tracked
            .Select(r => r.ConnectionId ?? first)
            .Where(id => id is { } c && tenantConnections.Any(t => t.Id == c))
            .GroupBy(id => id!.Value)
            .ToDictionary(g => g.Key, g => g.Count());

        var plans = tenantConnections.Select(connection =>
        {
            var lane = latest.GetValueOrDefault(connection.Id);
            var observed = lane?.Progress.RateLimit is > 0;
            var limit = observed ? lane!.Progress.RateLimit!.Value : CollectionCallModel.AssumedHourlyLimit;
            var count = through.GetValueOrDefault(connection.Id);
            var nextDayCalls = CollectionCallModel.CallsForDay(count, runsPerDay, graphQL, weekly);
            var budget = CollectionCallModel.DailyBudget(limit);
            return new ConnectionPlan(
                connection.Id,
                connection.Name,
                count,
                limit,
                observed,
                graphQL,
                (int)Math.Min(int.MaxValue, CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay, graphQL, weeklyDay: false)),
                CollectionCallModel.HourlyCapacity(limit, graphQL),
                CollectionCallModel.DailyCapacity(limit, graphQL),
                nextDayCalls,
                budget,
                nextDayCalls <= budget,
                lane?.Progress.ApiCalls,
                lane?.FinishedAt);
        }).ToList();

        var withoutConnection = tracked.Count - through.Values.Sum();
        return new CollectionPlan(tenantId, now, runsPerDay, source, nextDay, weekly, withoutConnection, plans);
    }

    private async Task<(int RunsPerDay, RunsPerDaySource Source)> RunsPerDayAsync(long tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Schedule))
        {
            var occurrences = CronSchedule.Parse(options.Value.Schedule)
                .GetOccurrences(now, now.AddDays(1), TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true)
                .Count();
            return (Math.Max(1, occurrences), RunsPerDaySource.Schedule);
        }

        var since = now.AddDays(-1);
        var recent = (await runs.ListAsync(RecentRunsLimit, cancellationToken).ConfigureAwait(false))
            .Count(r => r.Status != CollectionRunStatus.Queued && r.StartedAt > since && r.StartedAt <= now && (r.TenantId is null || r.TenantId == tenantId));
        return recent > 0 ? (recent, RunsPerDaySource.RecentRuns) : (1, RunsPerDaySource.Assumed);
    }
}
