namespace GhStats.Domain;

/// <summary>One event for one destination in the outbox, claimed by a delivering process for a lease time.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="EventId">The event's id (the receivers' de-duplication key).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Kind">The event kind.</param>
/// <param name="Payload">The event's JSON content.</param>
/// <param name="OccurredAt">When the event happened (UTC).</param>
/// <param name="ChannelId">The channel to deliver to, or null for a person's subscription.</param>
/// <param name="UserId">The subscriber to email, or null for a channel.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAttemptAt">When it is due (UTC).</param>
public sealed record NotificationMessage(
    long Id,
    Guid EventId,
    long TenantId,
    string Kind,
    string Payload,
    DateTimeOffset OccurredAt,
    long? ChannelId,
    long? UserId,
    int Attempts,
    DateTimeOffset NextAttemptAt);
