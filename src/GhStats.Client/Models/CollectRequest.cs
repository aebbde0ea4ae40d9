namespace GhStats.Client.Models;

/// <summary>Starts a collection run.</summary>
/// <param name="Tenant">The slug of the one tenant to collect; null for all.</param>
public sealed record CollectRequest(string? Tenant = null);
