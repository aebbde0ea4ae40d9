using GhStats.Domain;
using GhStats.Notifications.Delivery;

namespace GhStats.Notifications.Senders;

/// <summary>Sends one message to one kind of channel; registered once per kind.</summary>
internal interface INotificationSender
{
    /// <summary>The channel kind it sends to.</summary>
    NotificationChannelKind Kind { get; }

    /// <summary>Sends, and tells what happened; failures are results, not exceptions (cancellation excepted).</summary>
    /// <param name="envelope">The message, its destination and its rendered document.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    /// <returns>What happened.</returns>
    Task<DeliveryResult> SendAsync(NotificationEnvelope envelope, CancellationToken cancellationToken);
}
