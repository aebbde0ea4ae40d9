namespace GhStats.Client.Models;

/// <summary>A repository's referrer snapshots over a range, and the referrers ranked by their largest 14-day count in it.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Top">Referrers by their largest 14-day view count in the range, largest first.</param>
/// <param name="History">Every snapshot of GitHub's 14-day top 10 captured in the range.</param>
public sealed record ReferrerReport(
    long RepoId,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ReferrerRank> Top,
    IReadOnlyList<ReferrerSnapshot> History);
