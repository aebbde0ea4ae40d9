namespace GhStats.Client.Models;

/// <summary>One row per repository the caller may see, with totals for a range.</summary>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Repositories">One row per repository.</param>
public sealed record TrafficSummary(DateOnly From, DateOnly To, IReadOnlyList<TrafficSummaryRow> Repositories);
