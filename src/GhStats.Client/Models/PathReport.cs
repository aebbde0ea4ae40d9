namespace GhStats.Client.Models;

/// <summary>A repository's popular content snapshots over a range, and the paths ranked by their largest 14-day count in it.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Top">Paths by their largest 14-day view count in the range, largest first.</param>
/// <param name="History">Every snapshot of GitHub's 14-day top 10 captured in the range.</param>
public sealed record PathReport(long RepoId, DateOnly From, DateOnly To, IReadOnlyList<PathRank> Top, IReadOnlyList<PathSnapshot> History);
