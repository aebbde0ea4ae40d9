using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Delivery;

/// <summary>
/// The outbox worker: every <c>PollInterval</c>, or at once when <see cref="OutboxSignal"/> wakes it, it claims the due
/// messages for this process (for <c>ClaimDuration</c>, so a process that dies mid-delivery frees them) and delivers
/// them one after another, stopping before a send could outlast the claim.
/// </summary>
internal sealed partial class NotificationDispatcher(
    INotificationStore notifications,
    MessageDelivery delivery,
    OutboxSignal signal,
    OutboxHolder holder,
    IOptionsMonitor<GhStatsNotificationsOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, holder.Id, options.CurrentValue.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A store that is briefly unreachable must not end delivery for the life of the process.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, e);
                more = false;
            }

            if (more)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(options.CurrentValue.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and delivers one batch.</summary>
    /// <returns>Whether the batch was full, so more may be due at once.</returns>
    internal async Task<bool> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var leaseUntil = clock.GetUtcNow() + settings.ClaimDuration;
        var batch = BatchSize(settings);
        var claimed = await notifications.ClaimDueAsync(holder.Id, batch, leaseUntil, cancellationToken).ConfigureAwait(false);
        if (claimed.Count > 0)
        {
            LogClaimed(logger, claimed.Count, leaseUntil);
        }

        foreach (var message in claimed)
        {
            if (clock.GetUtcNow() + settings.SendTimeout >= leaseUntil)
            {
                // Another process may claim it once the claim lapses; sending now could deliver it twice at once.
                LogClaimRunningOut(logger, message.Id);
                return true;
            }

            try
            {
                await delivery.DeliverAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (GhStatsNotFoundException)
            {
                // Its channel (or tenant) was deleted while it was being sent: the message went with it; the batch goes on.
                LogMessageGone(logger, message.Id);
            }
        }

        return claimed.Count == batch;
    }

    /// <summary>As many messages as fit in one claim if every send took its whole timeout, 1 to 20.</summary>
    internal static int BatchSize(GhStatsNotificationsOptions settings) =>
        (int)Math.Clamp((settings.ClaimDuration.Ticks / Math.Max(1, settings.SendTimeout.Ticks)) - 1, 1, 20);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification dispatcher {Holder} started; polling the outbox every {PollInterval}")]
    private static partial void LogStarted(ILogger logger, string holder, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claimed {Count} notification messages until {LeaseUntil:O}")]
    private static partial void LogClaimed(ILogger logger, int count, DateTimeOffset leaseUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "The claim on notification message {MessageId} runs out before a send could finish; it is left for the next claim")]
    private static partial void LogClaimRunningOut(ILogger logger, long messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification message {MessageId} was deleted with its channel or tenant while it was being sent; its attempt is not logged")]
    private static partial void LogMessageGone(ILogger logger, long messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due notification messages failed; trying again after the poll interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
