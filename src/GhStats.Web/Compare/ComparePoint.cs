using GhStats.Domain;

namespace GhStats.Web.Compare;

/// <summary>A metric's value for one period of one repository; null where nothing of the period is known (never zero).</summary>
/// <param name="Date">The day, the Monday of the week, or the first day of the month.</param>
/// <param name="Value">The value, or null when not known.</param>
/// <param name="Days">Days in the period (within the range).</param>
/// <param name="KnownDays">Days of the period the metric is known for.</param>
/// <param name="PartialDays">Known days that were cut short (lower bounds).</param>
internal sealed record ComparePoint(DateOnly Date, long? Value, int Days, int KnownDays, int PartialDays)
{
    public DayCoverage Coverage => TrafficPoint.CoverageOf(Days, KnownDays, PartialDays);
}
