namespace GhStats.Web.Api.Contracts;

/// <summary>Referrer snapshots of a range, and the referrers ranked by their largest 14-day count in it.</summary>
internal sealed record ReferrersResponse(long RepoId, DateOnly From, DateOnly To, IReadOnlyList<ReferrerRankResponse> Top, IReadOnlyList<ReferrerSnapshotResponse> History);
