namespace GhStats.Client.Models;

/// <summary>One delivery attempt of the delivery log.</summary>
/// <param name="Id">The line's id, increasing.</param>
/// <param name="EventId">The event's id; every destination of one event sees the same id (receivers de-duplicate by it).</param>
/// <param name="Event">The event kind: <c>digest.weekly</c>, <c>traffic.spike</c>, <c>trouble.started</c>, <c>trouble.resolved</c> or <c>channel.test</c>.</param>
/// <param name="ChannelId">The channel, or null for a person's subscription.</param>
/// <param name="ChannelName">The channel's name, while it exists.</param>
/// <param name="UserId">The subscriber, or null for a channel.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="At">When the attempt ended (UTC).</param>
/// <param name="Succeeded">Whether the receiver accepted it.</param>
/// <param name="Outcome">What happened, e.g. "HTTP 200" or the error.</param>
/// <param name="WillRetry">Whether another attempt is due.</param>
public sealed record NotificationDelivery(
    long Id,
    Guid EventId,
    string Event,
    long? ChannelId,
    string? ChannelName,
    long? UserId,
    int Attempt,
    DateTimeOffset At,
    bool Succeeded,
    string Outcome,
    bool WillRetry);
