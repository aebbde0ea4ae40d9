namespace GhStats.Web.Api.Contracts;

/// <summary>Tracks a repository of a tenant by its full name, owner/name; optionally through a given connection.</summary>
internal sealed record TrackRepositoryRequest(string? Tenant, string? FullName, long? ConnectionId);
