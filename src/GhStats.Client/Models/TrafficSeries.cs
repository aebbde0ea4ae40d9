namespace GhStats.Client.Models;

/// <summary>A repository's traffic over a range, per day, week or month.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="Per"><c>day</c>, <c>week</c> or <c>month</c>.</param>
/// <param name="From">The first day covered; for weeks and months widened to the period's start.</param>
/// <param name="To">The last day covered.</param>
/// <param name="Points">One point per period that has data.</param>
/// <param name="Totals">Totals of the range.</param>
public sealed record TrafficSeries(long RepoId, string Per, DateOnly From, DateOnly To, IReadOnlyList<TrafficPoint> Points, TrafficTotals Totals)
{
    /// <summary>The period of the same length before the series and the change against it; null before 2008.</summary>
    public PreviousPeriod? Previous { get; init; }
}
