namespace GhStats.Client.Models;

/// <summary>Creates a tenant (system admins only).</summary>
/// <param name="Slug">Lower-case letters, digits and hyphens.</param>
/// <param name="Name">The display name.</param>
public sealed record CreateTenantRequest(string Slug, string Name);
