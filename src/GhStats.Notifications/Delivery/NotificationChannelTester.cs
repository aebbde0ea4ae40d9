using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Rendering;
using GhStats.Stores;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Delivery;

/// <summary>
/// "Send a test": raises a <c>channel.test</c> event for one channel through the outbox, then claims and delivers it at
/// once through the same path as every other message, and answers its delivery log line. Messages claimed alongside it
/// (others already due) are delivered too; if the dispatcher claimed the test first, the answer is the dispatcher's line.
/// </summary>
internal sealed class NotificationChannelTester(
    INotificationStore notifications,
    MessageDelivery delivery,
    OutboxHolder holder,
    IOptionsMonitor<GhStatsNotificationsOptions> options,
    TimeProvider clock) : INotificationChannelTester
{
    private static readonly TimeSpan LogPollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<NotificationDelivery> SendTestAsync(NotificationChannel channel, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var now = clock.GetUtcNow();
        var eventId = Guid.NewGuid();
        var payload = JsonSerializer.Serialize(new ChannelTestPayload(channel.Id, channel.Name, requestedBy, now), ChannelTestPayload.Json);
        var test = new NotificationEvent(eventId, channel.TenantId, NotificationEventKinds.Test, TopicOf(channel), $"test:{channel.Id}:{eventId:N}", payload, now, ChannelId: channel.Id);
        if (!await notifications.RaiseAsync(test, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The test event {eventId} was not raised.");
        }

        var settings = options.CurrentValue;
        NotificationDelivery? ours = null;
        while (ours is null)
        {
            var claimed = await notifications.ClaimDueAsync(holder.Id, NotificationDispatcher.BatchSize(settings), clock.GetUtcNow() + settings.ClaimDuration, cancellationToken)
                .ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var message in claimed)
            {
                var line = await delivery.DeliverAsync(message, cancellationToken).ConfigureAwait(false);
                if (message.EventId == eventId)
                {
                    ours = line;
                }
            }
        }

        return ours ?? await AwaitOtherDeliveryAsync(channel, eventId, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dispatcher (or another replica) claimed the test first: its attempt's line appears in the delivery log.</summary>
    private async Task<NotificationDelivery> AwaitOtherDeliveryAsync(NotificationChannel channel, Guid eventId, GhStatsNotificationsOptions settings, CancellationToken cancellationToken)
    {
        var wait = settings.ClaimDuration + settings.SendTimeout;
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var lines = await notifications.ListDeliveriesAsync(channel.TenantId, channel.Id, 50, null, cancellationToken).ConfigureAwait(false);
            if (lines.FirstOrDefault(l => l.EventId == eventId) is { } line)
            {
                return line;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"The test message for channel {channel.Id} was claimed by another process and not delivered within {wait}.");
            }

            await Task.Delay(LogPollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An event carries exactly one topic; a test goes to its one channel whatever the channel takes.</summary>
    private static NotificationTopics TopicOf(NotificationChannel channel) =>
        channel.Topics.HasFlag(NotificationTopics.Digest) || channel.Topics == NotificationTopics.None ? NotificationTopics.Digest
        : channel.Topics.HasFlag(NotificationTopics.Spike) ? NotificationTopics.Spike
        : NotificationTopics.Trouble;
}
