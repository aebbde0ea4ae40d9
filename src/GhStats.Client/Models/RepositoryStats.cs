namespace GhStats.Client.Models;

/// <summary>A repository's stars, forks, watchers, open issues and size over a range.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Points">One point per day the repository was collected.</param>
public sealed record RepositoryStats(long RepoId, DateOnly From, DateOnly To, IReadOnlyList<RepositoryStatsPoint> Points);
