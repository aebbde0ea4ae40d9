namespace GhStats.Domain;

/// <summary>One row of a tenant's summary: a repository and its totals for a range.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Totals">Its traffic totals for the range.</param>
/// <param name="LatestStats">Its latest counters on or before the range's last day, if any were read.</param>
public sealed record RepositorySummary(TrackedRepository Repository, TrafficTotals Totals, RepositoryDailyStats? LatestStats);
