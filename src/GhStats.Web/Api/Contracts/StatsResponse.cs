namespace GhStats.Web.Api.Contracts;

/// <summary>Stars, forks, watchers, open issues and size over a range.</summary>
internal sealed record StatsResponse(long RepoId, DateOnly From, DateOnly To, IReadOnlyList<StatsPointResponse> Points);
