namespace GhStats.Web.Api.Contracts;

/// <summary>Renames a tenant.</summary>
internal sealed record UpdateTenantRequest(string? Name);
