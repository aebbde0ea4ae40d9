namespace GhStats.Client.Models;

/// <summary>A repository's figures as collected on a day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Stars">Stargazers.</param>
/// <param name="Forks">Forks.</param>
/// <param name="Watchers">Watchers (subscribers).</param>
/// <param name="OpenIssues">Open issues and pull requests.</param>
/// <param name="SizeKb">The repository's size in KB.</param>
public sealed record RepositoryStatsPoint(DateOnly Date, int Stars, int Forks, int Watchers, int OpenIssues, long SizeKb);
