using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Events;

/// <summary>
/// Raises the weekly digest on Monday from <see cref="NotificationDigestOptions.HourUtc"/>, for the ISO week that ended
/// the day before: once for the tenant's channels that take the digest (key <c>digest:2026-W48</c>), and once for each
/// subscriber, holding only what their roles let them see (key <c>digest:2026-W48:user:7</c>).
/// </summary>
internal sealed partial class WeeklyDigest(
    DigestComposer composer,
    SubscriberScope scope,
    INotificationStore notifications,
    IOptions<GhStatsNotificationsOptions> options,
    GhStatsMetrics metrics,
    ILogger<WeeklyDigest> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<(long TenantId, string Key)> _settled = [];
    private DigestWeek? _settledWeek;

    public async Task EvaluateAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (DigestWeek.DueAt(now, options.Value.Digest.HourUtc) is not { } week)
        {
            return;
        }

        DigestPayload? whole = null;
        var channels = await notifications.ListChannelsAsync(tenant.Id, cancellationToken).ConfigureAwait(false);
        if (channels.Any(c => c.Topics.HasFlag(NotificationTopics.Digest)) && !IsSettled(week, tenant.Id, week.Key))
        {
            whole = await composer.ComposeAsync(tenant.Id, week, null, cancellationToken).ConfigureAwait(false);
            await RaiseAsync(tenant, week, week.Key, whole, null, now, cancellationToken).ConfigureAwait(false);
        }

        var subscriptions = await notifications.ListSubscribersAsync(tenant.Id, NotificationTopics.Digest, cancellationToken).ConfigureAwait(false);
        if (subscriptions.All(s => IsSettled(week, tenant.Id, week.KeyFor(s.UserId))))
        {
            return;
        }

        // A subscriber left with no role in the tenant is not listed: nothing of it may be shown to them.
        foreach (var subscriber in await scope.SubscribersAsync(tenant.Id, NotificationTopics.Digest, cancellationToken).ConfigureAwait(false))
        {
            var key = week.KeyFor(subscriber.UserId);
            if (IsSettled(week, tenant.Id, key))
            {
                continue;
            }

            var payload = subscriber.SeesTenant
                ? whole ??= await composer.ComposeAsync(tenant.Id, week, null, cancellationToken).ConfigureAwait(false)
                : await composer.ComposeAsync(tenant.Id, week, subscriber.Visible, cancellationToken).ConfigureAwait(false);
            await RaiseAsync(tenant, week, key, payload, subscriber.UserId, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var subscription in subscriptions)
        {
            Settle(tenant.Id, week.KeyFor(subscription.UserId));
        }
    }

    private async Task RaiseAsync(Tenant tenant, DigestWeek week, string key, DigestPayload payload, long? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = await notifications.RaiseAsync(
            new NotificationEvent(Guid.NewGuid(), tenant.Id, NotificationEventKinds.Digest, NotificationTopics.Digest, key,
                EventPayloadJson.Write(payload), now, UserId: userId),
            cancellationToken).ConfigureAwait(false);
        if (raised)
        {
            metrics.NotificationRaised(NotificationEventKinds.Digest);
            LogRaised(logger, week.Name, tenant.Slug, userId, payload.Repositories.Count);
        }

        Settle(tenant.Id, key);
    }

    /// <summary>
    /// Whether this process raised (or found raised) the key already: the digest is composed once per process and week,
    /// not at every evaluation of the Monday. Another replica may compose it too; its key makes the second raise a no-op.
    /// </summary>
    private bool IsSettled(DigestWeek week, long tenantId, string key)
    {
        lock (_gate)
        {
            if (_settledWeek != week)
            {
                _settled.Clear();
                _settledWeek = week;
            }

            return _settled.Contains((tenantId, key));
        }
    }

    private void Settle(long tenantId, string key)
    {
        lock (_gate)
        {
            _settled.Add((tenantId, key));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised the weekly digest {Week} of tenant {Tenant} (subscriber {UserId}) with {Repositories} repositories")]
    private static partial void LogRaised(ILogger logger, string week, string tenant, long? userId, int repositories);
}
