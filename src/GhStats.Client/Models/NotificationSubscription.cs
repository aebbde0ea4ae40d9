namespace GhStats.Client.Models;

/// <summary>What the caller receives by email (to their profile's address) from one tenant.</summary>
/// <param name="Tenant">The tenant's slug.</param>
/// <param name="TenantName">The tenant's name.</param>
/// <param name="Topics">The topics; empty when nothing.</param>
public sealed record NotificationSubscription(string Tenant, string TenantName, IReadOnlyList<string> Topics);
