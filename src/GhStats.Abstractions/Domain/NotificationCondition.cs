namespace GhStats.Domain;

/// <summary>
/// A collection trouble condition that is open: it was announced when it started and is announced again, once, when it
/// clears. Opening and clearing happen in the same transaction as the event that announces them.
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Key">Unique per tenant, e.g. <c>connection:3:unauthorized</c> or <c>repo:12:at_risk</c>.</param>
/// <param name="OpenedAt">When it started (UTC).</param>
/// <param name="Summary">One line for people, e.g. "acme/site: the token has no push access".</param>
public sealed record NotificationCondition(long TenantId, string Key, DateTimeOffset OpenedAt, string Summary);
