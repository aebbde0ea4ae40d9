namespace GhStats.Web.Api.Contracts;

/// <summary>Creates a tenant: a slug (lower-case letters, digits, hyphens) and a display name.</summary>
internal sealed record CreateTenantRequest(string? Slug, string? Name);
