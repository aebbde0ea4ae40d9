namespace GhStats.Web.Api.Contracts;

/// <summary>Makes a personal API token: a name, and a lifetime in days (default 90, at most 366).</summary>
internal sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);
