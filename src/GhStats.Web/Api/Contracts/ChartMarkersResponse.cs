namespace GhStats.Web.Api.Contracts;

/// <summary>The markers of a range, by date.</summary>
internal sealed record ChartMarkersResponse(IReadOnlyList<ChartMarkerResponse> Items);
