using System.Collections.Concurrent;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Events;

/// <summary>
/// Looks for traffic spikes (<see cref="SpikeRule"/>) in the last <see cref="SpikeRule.DaysLookedAt"/> days of each
/// tracked repository of a tenant whose channels or subscribers take spikes, and raises one <c>traffic.spike</c> per repository and day
/// (key <c>spike:12:2026-12-01</c>) for its channels, and one for each subscriber who may see the repository
/// (<c>spike:12:2026-12-01:user:7</c>).
/// </summary>
internal sealed partial class SpikeDetector(
    ITrafficStore traffic,
    INotificationStore notifications,
    SubscriberScope scope,
    IOptions<GhStatsNotificationsOptions> options,
    GhStatsMetrics metrics,
    ILogger<SpikeDetector> logger)
{
    // A repository's days change only when it is collected: it is read again only after its last collection moved.
    private readonly ConcurrentDictionary<long, (DateTimeOffset? CollectedAt, DateOnly Today)> _lookedAt = new();

    public async Task EvaluateAsync(Tenant tenant, IReadOnlyList<TrackedRepository> tracked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channels = (await notifications.ListChannelsAsync(tenant.Id, cancellationToken).ConfigureAwait(false))
            .Any(c => c.Topics.HasFlag(NotificationTopics.Spike));
        var subscribed = (await notifications.ListSubscribersAsync(tenant.Id, NotificationTopics.Spike, cancellationToken).ConfigureAwait(false)).Count > 0;
        if (!channels && !subscribed)
        {
            return;
        }

        IReadOnlyList<Subscriber>? subscribers = null;

        var settings = options.Value;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstLookedAt = today.AddDays(1 - SpikeRule.DaysLookedAt);
        var range = new DateRange(firstLookedAt.AddDays(-settings.Spike.BaselineDays), today);
        foreach (var repository in tracked)
        {
            if (_lookedAt.TryGetValue(repository.Id, out var seen) && seen == (repository.LastCollectedAt, today))
            {
                continue;
            }

            var series = await traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, range, TrafficPeriod.Day, cancellationToken).ConfigureAwait(false);
            var known = KnownDays(series);
            for (var day = firstLookedAt; day <= today; day = day.AddDays(1))
            {
                if (!known.TryGetValue(day, out var point))
                {
                    continue;
                }

                var window = new DateRange(day.AddDays(-settings.Spike.BaselineDays), day.AddDays(-1));
                var baseline = known.Where(k => window.Contains(k.Key)).Select(k => k.Value.Views).ToList();
                if (SpikeRule.Judge(point.Views, baseline, settings.Spike) is not { } median)
                {
                    continue;
                }

                var payload = new SpikePayload(
                    new EventRepository(repository.Id, repository.FullName, AppLinks.Repository(settings.PublicBaseUrl, repository.Id)),
                    day, point.Views, median, settings.Spike.BaselineDays, baseline.Count, settings.Spike.Factor,
                    Math.Round(point.Views / Math.Max(median, 1), 1, MidpointRounding.AwayFromZero), point.Partial);
                var key = FormattableString.Invariant($"spike:{repository.Id}:{day:yyyy-MM-dd}");
                var json = EventPayloadJson.Write(payload);
                if (channels && await RaiseAsync(tenant.Id, key, json, null, now, cancellationToken).ConfigureAwait(false))
                {
                    LogSpike(logger, repository.FullName, day, point.Views, median);
                }

                // Subscribers get their own copy when they may see the repository.
                subscribers ??= subscribed ? await scope.SubscribersAsync(tenant.Id, NotificationTopics.Spike, cancellationToken).ConfigureAwait(false) : [];
                foreach (var subscriber in subscribers.Where(s => s.Sees(repository.Id)))
                {
                    await RaiseAsync(tenant.Id, subscriber.KeyOf(key), json, subscriber.UserId, now, cancellationToken).ConfigureAwait(false);
                }
            }

            _lookedAt[repository.Id] = (repository.LastCollectedAt, today);
        }
    }

    private async Task<bool> RaiseAsync(long tenantId, string key, string payload, long? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = await notifications.RaiseAsync(
            new NotificationEvent(Guid.NewGuid(), tenantId, NotificationEventKinds.Spike, NotificationTopics.Spike, key, payload, now, UserId: userId),
            cancellationToken).ConfigureAwait(false);
        if (raised)
        {
            metrics.NotificationRaised(NotificationEventKinds.Spike);
        }

        return raised;
    }

    /// <summary>The days whose views are known (a value, zero included), with whether each was cut short; days not collected are left out.</summary>
    private static Dictionary<DateOnly, (long Views, bool Partial)> KnownDays(TrafficSeries series) =>
        series.Points.Where(p => p.Coverage != DayCoverage.NotCollected).ToDictionary(p => p.Date, p => (p.Views, p.Coverage == DayCoverage.Partial));

    [LoggerMessage(Level = LogLevel.Information, Message = "Traffic spike on {Repository} on {Day}: {Views} views against a baseline of {Baseline}")]
    private static partial void LogSpike(ILogger logger, string repository, DateOnly day, long views, double baseline);
}
