namespace GhStats.Web.Api.Contracts;

/// <summary>One repository of a public dashboard: its GitHub name, totals, latest stars, daily points and, if opted in, rankings.</summary>
internal sealed record PublicRepositoryResponse(
    string FullName,
    TrafficTotalsResponse Totals,
    int? Stars,
    IReadOnlyList<TrafficPointResponse> Points,
    IReadOnlyList<ReferrerRankResponse>? Referrers,
    IReadOnlyList<PathRankResponse>? PopularContent);
