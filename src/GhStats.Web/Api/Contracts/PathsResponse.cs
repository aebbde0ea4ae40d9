namespace GhStats.Web.Api.Contracts;

/// <summary>Popular content snapshots of a range, and the paths ranked by their largest 14-day count in it.</summary>
internal sealed record PathsResponse(long RepoId, DateOnly From, DateOnly To, IReadOnlyList<PathRankResponse> Top, IReadOnlyList<PathSnapshotResponse> History);
