using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// Notification channels, subscriptions, the outbox and the delivery log. Events enter the outbox in the same
/// transaction that records them (and, for trouble, the condition that caused them), so an event is never lost between
/// deciding it and delivering it, and a key once raised is never raised again. Reads are scoped to a tenant: another
/// tenant's channel is not found.
/// </summary>
public interface INotificationStore
{
    /// <summary>Adds a channel.</summary>
    /// <param name="channel">The channel; its secret already protected.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored channel.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    /// <exception cref="GhStatsConflictException">When the tenant has a channel of that name already.</exception>
    Task<NotificationChannel> AddChannelAsync(NewNotificationChannel channel, CancellationToken cancellationToken = default);

    /// <summary>Reads one channel of a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="GhStatsNotFoundException">When the channel is not in the tenant.</exception>
    Task<NotificationChannel> GetChannelAsync(long tenantId, long channelId, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant's channels by name.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channels.</returns>
    Task<IReadOnlyList<NotificationChannel>> ListChannelsAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a channel; its undelivered messages are dropped, its delivery log stays.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is gone.</returns>
    /// <exception cref="GhStatsNotFoundException">When the channel is not in the tenant.</exception>
    Task DeleteChannelAsync(long tenantId, long channelId, CancellationToken cancellationToken = default);

    /// <summary>Sets a person's subscription in a tenant; <see cref="NotificationTopics.None"/> removes it.</summary>
    /// <param name="userId">The person.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="topics">What they receive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription, or null once removed.</returns>
    Task<NotificationSubscription?> SetSubscriptionAsync(long userId, long tenantId, NotificationTopics topics, CancellationToken cancellationToken = default);

    /// <summary>Reads a person's subscriptions.</summary>
    /// <param name="userId">The person.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Their subscriptions, by tenant.</returns>
    Task<IReadOnlyList<NotificationSubscription>> ListSubscriptionsAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Reads the subscriptions of a tenant that take a topic.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscriptions.</returns>
    Task<IReadOnlyList<NotificationSubscription>> ListSubscribersAsync(long tenantId, NotificationTopics topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an event and queues one message per destination (see <see cref="NotificationEvent"/>), in one transaction.
    /// </summary>
    /// <param name="notification">The event.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written then.</param>
    /// <returns>True when it was recorded; false when the tenant raised its key before (nothing is written).</returns>
    Task<bool> RaiseAsync(NotificationEvent notification, CancellationToken cancellationToken = default);

    /// <summary>Opens a trouble condition and raises the event announcing it, in one transaction.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="started">The event that announces it.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written then.</param>
    /// <returns>True when it opened; false when it was open already (nothing is written).</returns>
    Task<bool> OpenConditionAsync(NotificationCondition condition, NotificationEvent started, CancellationToken cancellationToken = default);

    /// <summary>
    /// Clears an open trouble condition and raises the event announcing that, and each subscriber's copy of it, in one
    /// transaction: once the condition is gone nothing tells that it was open, so its copies cannot be raised later.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The condition's key.</param>
    /// <param name="resolved">The event that announces it.</param>
    /// <param name="copies">Further events of the same tenant to raise with it (subscribers' copies), or null.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written then.</param>
    /// <returns>True when it cleared; false when it was not open (nothing is written).</returns>
    Task<bool> CloseConditionAsync(long tenantId, string key, NotificationEvent resolved, IReadOnlyCollection<NotificationEvent>? copies = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the open conditions.</summary>
    /// <param name="tenantId">One tenant, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open conditions.</returns>
    Task<IReadOnlyList<NotificationCondition>> ListOpenConditionsAsync(long? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages for one process until <paramref name="leaseUntil"/>; a message
    /// whose claim lapsed (its process died) is due again. Two processes never hold the same message at once.
    /// </summary>
    /// <param name="holder">The claiming process.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="leaseUntil">The claim's end (UTC).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed messages, oldest first.</returns>
    Task<IReadOnlyList<NotificationMessage>> ClaimDueAsync(string holder, int limit, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an attempt in the delivery log and settles the message: delivered, due again at
    /// <see cref="NotificationAttempt.RetryAt"/>, or given up.
    /// </summary>
    /// <param name="messageId">The message.</param>
    /// <param name="attempt">What happened.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery log line.</returns>
    Task<NotificationDelivery> RecordAttemptAsync(long messageId, NotificationAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a tenant's delivery log, newest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="channelId">Only this channel, or null for all.</param>
    /// <param name="limit">At most this many (1 to 500).</param>
    /// <param name="beforeId">Page on: only lines older than this id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lines.</returns>
    Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(long tenantId, long? channelId = null, int limit = 50, long? beforeId = null, CancellationToken cancellationToken = default);
}
