namespace GhStats.Domain;

/// <summary>GitHub's core (REST) rate limit of a connection, as GitHub reported it.</summary>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="ResetsAt">When the window starts over (UTC).</param>
public sealed record GitHubRateLimit(int Limit, int Remaining, DateTimeOffset ResetsAt);
