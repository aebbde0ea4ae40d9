namespace GhStats.Client.Models;

/// <summary>Tracks a GitHub repository in a tenant (its owners).</summary>
/// <param name="Tenant">The tenant's slug.</param>
/// <param name="FullName">owner/name on GitHub.</param>
/// <param name="ConnectionId">The connection to collect it through; null for the tenant's default.</param>
public sealed record TrackRepositoryRequest(string Tenant, string FullName, long? ConnectionId = null);
