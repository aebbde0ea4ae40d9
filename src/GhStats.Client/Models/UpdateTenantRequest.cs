namespace GhStats.Client.Models;

/// <summary>Renames a tenant (its owners).</summary>
/// <param name="Name">The new display name.</param>
public sealed record UpdateTenantRequest(string Name);
