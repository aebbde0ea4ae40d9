namespace GhStats.Domain;

/// <summary>
/// Something to tell a tenant. Raising it writes it and one outbox message per destination in one transaction; a key
/// raised before is not raised again, so a detector may run as often as it likes.
/// </summary>
/// <param name="Id">The event id receivers de-duplicate by; every destination of one event sees the same id.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Kind">One of <see cref="NotificationEventKinds"/>.</param>
/// <param name="Topic">The topic a channel or subscription must take to receive it (exactly one flag).</param>
/// <param name="Key">Unique per tenant: what makes the event happen once, e.g. <c>digest:2026-W48</c> or <c>spike:12:2026-12-01</c>.</param>
/// <param name="Payload">The kind's content as camelCase JSON; the senders render it for each channel kind.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="ChannelId">Only this channel (a test), or null.</param>
/// <param name="UserId">Only this person's subscription (their own digest), or null. With neither set, every channel of the tenant that takes <see cref="Topic"/>.</param>
public sealed record NotificationEvent(
    Guid Id,
    long TenantId,
    string Kind,
    NotificationTopics Topic,
    string Key,
    string Payload,
    DateTimeOffset OccurredAt,
    long? ChannelId = null,
    long? UserId = null);
