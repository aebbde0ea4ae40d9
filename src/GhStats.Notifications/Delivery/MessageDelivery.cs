using System.Diagnostics;
using System.Text.Json;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using GhStats.Notifications.Senders;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Delivery;

/// <summary>
/// One attempt at one claimed message, the same for the dispatcher and for "send a test": resolve the destination,
/// render in the destination's language, send, then record the attempt with the time of the next one (exponential backoff with jitter) or none.
/// </summary>
internal sealed partial class MessageDelivery(
    INotificationStore notifications,
    ITenantStore tenants,
    DestinationResolver destinations,
    IEnumerable<INotificationRenderer> renderers,
    IEnumerable<INotificationSender> senders,
    RetryBackoff backoff,
    IOptionsMonitor<GhStatsNotificationsOptions> options,
    TimeProvider clock,
    GhStatsMetrics metrics,
    ILogger<MessageDelivery> logger)
{
    /// <summary>The longest outcome kept in the delivery log.</summary>
    internal const int MaxOutcomeLength = 500;

    private readonly Dictionary<string, INotificationRenderer> _renderers = renderers.GroupBy(r => r.Kind, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<NotificationChannelKind, INotificationSender> _senders = senders.ToDictionary(s => s.Kind);

    /// <summary>Delivers a message this process claimed and records the attempt.</summary>
    /// <param name="message">The claimed message.</param>
    /// <param name="cancellationToken">Stops the send; nothing is recorded then, and the message is due again when the claim lapses.</param>
    /// <returns>The delivery log line.</returns>
    public async Task<NotificationDelivery> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        using var span = GhStatsTelemetry.StartSpan(GhStatsTelemetry.Spans.NotificationDelivery);
        span?.SetTag("ghstats.notification.message_id", message.Id);
        span?.SetTag("ghstats.notification.event_id", message.EventId.ToString());
        span?.SetTag("ghstats.notification.kind", message.Kind);
        span?.SetTag("ghstats.tenant.id", message.TenantId);
        var started = clock.GetTimestamp();
        var (channelKind, result) = await AttemptAsync(message, cancellationToken).ConfigureAwait(false);

        var attempt = message.Attempts + 1;
        var maxAttempts = options.CurrentValue.MaxAttempts;
        var outcome = Cut(result.Outcome);
        DateTimeOffset? retryAt = null;
        if (!result.Delivered && result.Retry)
        {
            if (attempt < maxAttempts)
            {
                retryAt = clock.GetUtcNow() + backoff.Delay(attempt, result.RetryAfter);
            }
            else
            {
                outcome = Cut($"{result.Outcome} (gave up after {attempt} attempts)");
            }
        }

        // The send happened: record it even when the host is stopping, or it would be sent again after the claim lapses.
        var line = await notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(result.Delivered, outcome, retryAt), CancellationToken.None)
            .ConfigureAwait(false);

        var label = result.Delivered ? "delivered" : retryAt is null ? "failed" : "retrying";
        metrics.Delivery(channelKind, label, clock.GetElapsedTime(started));
        span?.SetTag("ghstats.notification.channel", channelKind);
        span?.SetTag("ghstats.notification.outcome", label);
        span?.SetTag("ghstats.notification.attempt", attempt);
        if (result.Delivered)
        {
            LogDelivered(logger, message.Id, message.EventId, message.Kind, channelKind, attempt, outcome);
        }
        else
        {
            span?.SetStatus(ActivityStatusCode.Error, outcome);
            if (retryAt is { } next)
            {
                LogRetrying(logger, message.Id, message.EventId, message.Kind, channelKind, attempt, outcome, next);
            }
            else
            {
                LogGaveUp(logger, message.Id, message.EventId, message.Kind, channelKind, attempt, outcome);
            }
        }

        return line;
    }

    private async Task<(string ChannelKind, DeliveryResult Result)> AttemptAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var channelKind = "unknown";
        try
        {
            var (destination, failure) = await destinations.ResolveAsync(message, cancellationToken).ConfigureAwait(false);
            if (destination is null)
            {
                LogNoDestination(logger, message.Id, message.EventId, failure!.Outcome);
                return (channelKind, failure);
            }

            channelKind = destination.Kind.ToString().ToLowerInvariant();

            // Everything the recipient reads (the document, the email's or Slack's own words, dates and numbers) is
            // written in their language; the scope is this attempt's alone.
            using var culture = MessageCulture.Use(destination.Language);
            var tenant = await tenants.GetAsync(message.TenantId, cancellationToken).ConfigureAwait(false);
            var context = new NotificationRenderContext(tenant.Slug, tenant.Name, options.CurrentValue.PublicBaseUrl);
            NotificationDocument? document = null;
            if (destination.Kind != NotificationChannelKind.Webhook)
            {
                // Webhooks carry the payload itself, so they deliver every kind; Slack and email need its renderer.
                if (!_renderers.TryGetValue(message.Kind, out var renderer))
                {
                    LogUnknownKind(logger, message.Id, message.Kind);
                    return (channelKind, DeliveryResult.Transient(
                        $"No renderer for event kind '{message.Kind}' in this process (a newer GhStats version may have raised it); it cannot be sent to {channelKind}."));
                }

                try
                {
                    document = renderer.Render(message, context);
                }
                catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
                {
                    LogRenderFailed(logger, e, message.Id, message.Kind);
                    return (channelKind, DeliveryResult.Permanent($"The {message.Kind} payload could not be rendered: {e.Message}"));
                }
            }

            if (!_senders.TryGetValue(destination.Kind, out var sender))
            {
                return (channelKind, DeliveryResult.Permanent($"No sender for {channelKind} channels."));
            }

            return (channelKind, await sender.SendAsync(new NotificationEnvelope(message, context, destination, document), cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever broke (the store, a sender's bug), it is one failed attempt in the log, retried, never a dead dispatcher.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogAttemptFailed(logger, e, message.Id, message.EventId);
            return (channelKind, DeliveryResult.Transient($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private static string Cut(string outcome) => outcome.Length <= MaxOutcomeLength ? outcome : string.Concat(outcome.AsSpan(0, MaxOutcomeLength - 1), "…");

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification message {MessageId} (event {EventId}, {Kind}) delivered to {Channel} on attempt {Attempt}: {Outcome}")]
    private static partial void LogDelivered(ILogger logger, long messageId, Guid eventId, string kind, string channel, int attempt, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification message {MessageId} (event {EventId}, {Kind}) to {Channel} failed on attempt {Attempt}: {Outcome}; next attempt at {RetryAt:O}")]
    private static partial void LogRetrying(ILogger logger, long messageId, Guid eventId, string kind, string channel, int attempt, string outcome, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification message {MessageId} (event {EventId}, {Kind}) to {Channel} failed on attempt {Attempt} and will not be retried: {Outcome}")]
    private static partial void LogGaveUp(ILogger logger, long messageId, Guid eventId, string kind, string channel, int attempt, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification message {MessageId} (event {EventId}) has no destination: {Outcome}")]
    private static partial void LogNoDestination(ILogger logger, long messageId, Guid eventId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification message {MessageId} is of kind {Kind}, which no renderer in this process knows")]
    private static partial void LogUnknownKind(ILogger logger, long messageId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification message {MessageId} of kind {Kind} could not be rendered")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, long messageId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notification message {MessageId} (event {EventId}) failed unexpectedly")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, long messageId, Guid eventId);
}
