namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's traffic for a range, per day, week or month, and its totals against the period of the same length before.</summary>
internal sealed record TrafficResponse(long RepoId, string Per, DateOnly From, DateOnly To, IReadOnlyList<TrafficPointResponse> Points, TrafficTotalsResponse Totals, PreviousPeriodResponse? Previous = null);
