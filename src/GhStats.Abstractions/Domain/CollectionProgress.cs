namespace GhStats.Domain;

/// <summary>A running collection's counters, written as it goes so people can watch it.</summary>
/// <param name="ReposTotal">Repositories to collect.</param>
/// <param name="ReposOk">Repositories collected.</param>
/// <param name="ReposFailed">Repositories that failed.</param>
/// <param name="ApiCalls">GitHub API calls made.</param>
/// <param name="RateLimitRemaining">The primary rate limit left at the last call, when known.</param>
public sealed record CollectionProgress(int ReposTotal, int ReposOk, int ReposFailed, int ApiCalls, int? RateLimitRemaining);
