using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>
/// Notifications: a tenant's channels (webhook, Slack, email) and their delivery log, for its owners; and the caller's
/// own email subscriptions. Topics are <c>digest</c>, <c>spike</c> and <c>trouble</c>. A channel's URL and signing
/// secret go to the server and never come back, except the signing secret once, in <see cref="CreatedNotificationChannel"/>.
/// </summary>
public interface IGhStatsNotifications
{
    /// <summary>A tenant's notification channels (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channels, each with its target (recipients, or only the host of its URL).</returns>
    [Get("/api/v1/tenants/{tenant}/channels")]
    Task<IReadOnlyList<NotificationChannel>> ListChannelsAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Adds a channel (its owners); 400 names each field in error, 409 a name the tenant has already.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">The channel, e.g. <see cref="CreateChannelRequest.Webhook"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel and, for a webhook, its signing secret: keep it now, it is never shown again.</returns>
    [Post("/api/v1/tenants/{tenant}/channels")]
    Task<CreatedNotificationChannel> CreateChannelAsync(string tenant, [Body] CreateChannelRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a channel (its owners); its delivery log stays.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The channel's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the channel is gone.</returns>
    [Delete("/api/v1/tenants/{tenant}/channels/{id}")]
    Task DeleteChannelAsync(string tenant, long id, CancellationToken cancellationToken = default);

    /// <summary>Sends a test message to a channel now (its owners); 501 when the server does not send notifications.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The channel's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The attempt's line of the delivery log: delivered or not, and what the receiver answered.</returns>
    [Post("/api/v1/tenants/{tenant}/channels/{id}/test")]
    Task<NotificationDelivery> TestChannelAsync(string tenant, long id, CancellationToken cancellationToken = default);

    /// <summary>A page of one channel's delivery log, newest first (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The channel's id.</param>
    /// <param name="before">The previous page's <see cref="NotificationDeliveries.NextBefore"/>.</param>
    /// <param name="limit">Lines per page, 1 to 500; null for 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [Get("/api/v1/tenants/{tenant}/channels/{id}/deliveries")]
    Task<NotificationDeliveries> ListChannelDeliveriesAsync(string tenant, long id, [Query] long? before = null, [Query] int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>A page of a tenant's delivery log, every channel and subscriber, newest first (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="before">The previous page's <see cref="NotificationDeliveries.NextBefore"/>.</param>
    /// <param name="limit">Lines per page, 1 to 500; null for 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [Get("/api/v1/tenants/{tenant}/deliveries")]
    Task<NotificationDeliveries> ListDeliveriesAsync(string tenant, [Query] long? before = null, [Query] int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>Every tenant the caller sees, with the topics the caller receives from it by email.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One subscription per tenant; empty topics where the caller receives nothing.</returns>
    [Get("/api/v1/me/subscriptions")]
    Task<IReadOnlyList<NotificationSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the topics the caller receives by email from a tenant they see; an empty list unsubscribes.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">The topics.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as it is now.</returns>
    [Put("/api/v1/me/subscriptions/{tenant}")]
    Task<NotificationSubscription> SetSubscriptionAsync(string tenant, [Body] SetSubscriptionRequest request, CancellationToken cancellationToken = default);
}
