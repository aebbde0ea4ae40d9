using GhStats.Domain;

namespace GhStats;

/// <summary>
/// Sends a channel's "test" message at once, through the same path as every other delivery, and records it in the
/// delivery log; implemented by the notifications package, called by the web module.
/// </summary>
public interface INotificationChannelTester
{
    /// <summary>Sends a test message to a channel now.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="requestedBy">Who asked, shown in the message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery log line of the attempt (delivered or not).</returns>
    Task<NotificationDelivery> SendTestAsync(NotificationChannel channel, string requestedBy, CancellationToken cancellationToken = default);
}
