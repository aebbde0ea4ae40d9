using GhStats.Stores;
using Microsoft.Extensions.Logging;

namespace GhStats.Notifications.Events;

/// <summary>
/// Decides, for every tenant, which events are due at an instant: collection trouble (conditions opened and cleared),
/// traffic spikes, and on Monday the weekly digest.
/// </summary>
/// <remarks>
/// Every replica that runs <c>AddNotifications()</c> evaluates, and two may evaluate the same instant at once. That is
/// harmless: every event has a key that is unique per tenant, <see cref="INotificationStore.RaiseAsync"/> writes a key
/// once and refuses it after, and a trouble condition opens (or clears) only once, so the second replica's evaluation
/// writes nothing and no receiver is told twice.
/// </remarks>
internal sealed partial class NotificationEventEvaluator(
    ITenantStore tenants,
    IRepositoryStore repositories,
    ICollectionRunStore runs,
    TroubleDetector trouble,
    SpikeDetector spikes,
    WeeklyDigest digest,
    TimeProvider clock,
    ILogger<NotificationEventEvaluator> logger)
{
    /// <summary>The latest runs looked at to find each tenant's last finished run.</summary>
    private const int RunsLookedAt = 50;

    /// <summary>Evaluates now.</summary>
    public Task EvaluateAsync(CancellationToken cancellationToken) => EvaluateAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>Evaluates the instant <paramref name="now"/>; a tenant whose evaluation fails is tried again next time, the others go on.</summary>
    public async Task EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latestRuns = await runs.ListAsync(RunsLookedAt, cancellationToken).ConfigureAwait(false);
        foreach (var tenant in await tenants.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var tracked = await repositories.ListTrackedAsync(tenant.Id, cancellationToken).ConfigureAwait(false);
                await trouble.EvaluateAsync(tenant, tracked, latestRuns, now, cancellationToken).ConfigureAwait(false);
                await spikes.EvaluateAsync(tenant, tracked, now, cancellationToken).ConfigureAwait(false);
                await digest.EvaluateAsync(tenant, now, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One tenant's failure (a tenant deleted meanwhile, the database away) must not stop the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogTenantFailed(logger, tenant.Slug, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating notification events of tenant {Tenant} failed; it is tried again at the next evaluation")]
    private static partial void LogTenantFailed(ILogger logger, string tenant, Exception exception);
}
