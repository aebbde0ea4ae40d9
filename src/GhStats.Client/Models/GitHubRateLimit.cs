namespace GhStats.Client.Models;

/// <summary>GitHub's core rate limit of a connection.</summary>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Remaining">Requests left in this window.</param>
/// <param name="ResetsAt">When the window resets (UTC).</param>
public sealed record GitHubRateLimit(int Limit, int Remaining, DateTimeOffset ResetsAt);
