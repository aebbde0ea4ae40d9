namespace GhStats.Web.Api.Contracts;

/// <summary>A GitHub connection; its secret is never returned.</summary>
internal sealed record ConnectionResponse(long Id, string Name, string Kind, string ApiBaseUrl, long? AppId, long? InstallationId, DateTimeOffset CreatedAt);
