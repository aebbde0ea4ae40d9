namespace GhStats.Web.Api.Contracts;

/// <summary>
/// One delivery attempt: the event (id and kind), the channel it went to (or the subscriber), the attempt number, when it
/// ended, and what happened as the receiver (or the error) put it.
/// </summary>
internal sealed record DeliveryResponse(
    long Id, Guid EventId, string Event, long? ChannelId, string? ChannelName, long? UserId, int Attempt, DateTimeOffset At, bool Succeeded, string Outcome, bool WillRetry);
