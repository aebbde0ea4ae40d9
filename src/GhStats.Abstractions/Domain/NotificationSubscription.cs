namespace GhStats.Domain;

/// <summary>
/// A person's own subscription, by email to their profile's address, in one tenant. A digest sent for a subscription
/// holds only what that person's roles let them see (a repository-grant holder sees only that repository).
/// </summary>
/// <param name="UserId">The person.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Topics">What they receive.</param>
/// <param name="CreatedAt">When they subscribed (UTC).</param>
public sealed record NotificationSubscription(long UserId, long TenantId, NotificationTopics Topics, DateTimeOffset CreatedAt);
