namespace GhStats.Web.Api.Contracts;

/// <summary>A tracked repository, its last collection and its data-loss horizon.</summary>
internal sealed record RepositoryResponse(long Id, string Tenant, string FullName, string Owner, string Name, long? ConnectionId, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt, DateTimeOffset? LastCollectedAt, string? LastStatus, HorizonResponse Horizon, bool BadgesEnabled);
