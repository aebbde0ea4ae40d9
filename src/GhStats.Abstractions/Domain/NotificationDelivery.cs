namespace GhStats.Domain;

/// <summary>One line of the delivery log: an attempt to deliver an event to a destination.</summary>
/// <param name="Id">Store-assigned identifier, increasing.</param>
/// <param name="MessageId">The outbox message.</param>
/// <param name="EventId">The event id.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ChannelId">The channel, or null for a subscription.</param>
/// <param name="UserId">The subscriber, or null for a channel.</param>
/// <param name="Kind">The event kind.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="At">When the attempt ended (UTC).</param>
/// <param name="Succeeded">Whether it was delivered.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="WillRetry">Whether another attempt is due.</param>
public sealed record NotificationDelivery(
    long Id,
    long MessageId,
    Guid EventId,
    long TenantId,
    long? ChannelId,
    long? UserId,
    string Kind,
    int Attempt,
    DateTimeOffset At,
    bool Succeeded,
    string Outcome,
    bool WillRetry);
