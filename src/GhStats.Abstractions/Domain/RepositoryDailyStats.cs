namespace GhStats.Domain;

/// <summary>A repository's counters as read on one UTC day.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="Day">The UTC day they were read.</param>
/// <param name="Stars">Stargazers.</param>
/// <param name="Forks">Forks.</param>
/// <param name="Watchers">Subscribers (watchers).</param>
/// <param name="OpenIssues">Open issues and pull requests.</param>
/// <param name="SizeKb">Repository size in KB.</param>
public sealed record RepositoryDailyStats(long RepositoryId, DateOnly Day, int Stars, int Forks, int Watchers, int OpenIssues, long SizeKb);
