using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.Health;

/// <summary>
/// <see cref="GhStatsHealthChecks.Collection"/>: when a repository is tracked, the newest run that stored anything
/// (succeeded, or completed with errors but collected at least one repository) finished no longer than
/// <see cref="GhStatsHealthOptions.CollectionMaxAge"/> ago. Stale data is Degraded, not Unhealthy: the process still
/// serves what it has, and restarting it or taking it out of a load balancer would not bring a collection back.
/// </summary>
internal sealed class CollectionFreshnessHealthCheck(
    IRepositoryStore repositories,
    ICollectionRunStore runs,
    IOptionsMonitor<GhStatsHealthOptions> options,
    TimeProvider clock) : IHealthCheck
{
    /// <summary>How far back the check looks for a run that stored something; a longer streak of failures is stale anyway.</summary>
    private const int RunsLookedAt = 100;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if ((await repositories.ListTrackedAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return HealthCheckResult.Healthy("No repository is tracked, so no collection is expected.");
        }

        var maxAge = options.CurrentValue.CollectionMaxAge;
        var latest = (await runs.ListAsync(RunsLookedAt, cancellationToken).ConfigureAwait(false))
            .Where(StoredSomething)
            .Select(r => r.FinishedAt!.Value)
            .DefaultIfEmpty()
            .Max();
        if (latest == default)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No collection has stored anything yet.");
        }

        var data = new Dictionary<string, object> { ["lastCollectedAt"] = latest, ["maxAge"] = maxAge };
        return clock.GetUtcNow() - latest <= maxAge
            ? HealthCheckResult.Healthy("The last collection is recent.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "The last collection that stored anything is older than GhStats:Health:CollectionMaxAge.", data: data);
    }

    private static bool StoredSomething(CollectionRun run) =>
        run.FinishedAt is not null
        && (run.Status == CollectionRunStatus.Succeeded || (run.Status == CollectionRunStatus.CompletedWithErrors && run.ReposOk > 0));
}
