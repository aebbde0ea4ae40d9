namespace GhStats.Web.Api.Contracts;

/// <summary>Who a connection acts as: a user's login for a token; the App's slug, id and installation for an App.</summary>
internal sealed record ConnectionIdentityResponse(string? Login, string? AppSlug, long? AppId, long? InstallationId);
