using GhStats.Domain;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Api;

/// <summary>
/// Ranks referrer and popular-content snapshots of a range. Snapshots overlap (each is GitHub's 14-day top 10), so summing
/// them would count a visit many times over: each name gets its largest counts instead.
/// </summary>
internal static class SnapshotRanking
{
    public static List<ReferrerRankResponse> Referrers(IEnumerable<ReferrerSnapshot> history) =>
        history.GroupBy(s => s.Referrer, StringComparer.Ordinal)
            .Select(g => new ReferrerRankResponse(g.Key, g.Max(s => s.Views), g.Max(s => s.UniqueViews), g.Max(s => s.CapturedOn)))
            .OrderByDescending(r => r.Views).ThenBy(r => r.Referrer, StringComparer.Ordinal)
            .ToList();

    public static List<PathRankResponse> Paths(IEnumerable<PathSnapshot> history) =>
        history.GroupBy(s => s.Path, StringComparer.Ordinal)
            .Select(g => new PathRankResponse(g.Key, g.MaxBy(s => s.CapturedOn)!.Title, g.Max(s => s.Views), g.Max(s => s.UniqueViews), g.Max(s => s.CapturedOn)))
            .OrderByDescending(r => r.Views).ThenBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
}
