namespace GhStats.Web.Api.Contracts;

/// <summary>GitHub's core rate limit of a connection.</summary>
internal sealed record RateLimitResponse(int Limit, int Remaining, DateTimeOffset ResetsAt);
