namespace GhStats.Web.Api.Contracts;

/// <summary>A new personal API token: copy it now, it is never shown again.</summary>
internal sealed record CreatedTokenResponse(long Id, string Name, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
