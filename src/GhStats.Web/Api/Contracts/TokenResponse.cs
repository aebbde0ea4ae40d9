namespace GhStats.Web.Api.Contracts;

/// <summary>A personal API token; the token itself is shown only when it is made.</summary>
internal sealed record TokenResponse(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);
