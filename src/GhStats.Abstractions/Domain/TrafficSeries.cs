namespace GhStats.Domain;

/// <summary>A repository's traffic over a range, one point per period that has stored data.</summary>
/// <param name="RepositoryId">The repository.</param>
/// <param name="Per">The bucket size.</param>
/// <param name="From">First day covered; for weeks and months the range is widened to whole periods.</param>
/// <param name="To">Last day covered.</param>
/// <param name="Points">The points, oldest first; periods without stored data have none.</param>
/// <param name="Totals">Totals of the covered range.</param>
public sealed record TrafficSeries(
    long RepositoryId,
    TrafficPeriod Per,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TrafficPoint> Points,
    TrafficTotals Totals);
