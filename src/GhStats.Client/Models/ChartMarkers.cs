namespace GhStats.Client.Models;

/// <summary>The markers of a range, by date.</summary>
/// <param name="Items">The markers.</param>
public sealed record ChartMarkers(IReadOnlyList<ChartMarker> Items);
