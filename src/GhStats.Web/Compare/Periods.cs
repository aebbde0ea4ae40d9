using GhStats.Domain;

namespace GhStats.Web.Compare;

/// <summary>The days, weeks (Monday first) and months of a range, as the traffic series buckets them.</summary>
internal static class Periods
{
    /// <summary>Every period of a range already widened to whole periods, oldest first.</summary>
    public static IEnumerable<DateRange> Of(DateRange covered, TrafficPeriod per)
    {
        for (var start = DateRange.PeriodStartOf(covered.From, per); start <= covered.To; start = Next(start, per))
        {
            var end = Next(start, per).AddDays(-1);
            yield return new DateRange(start < covered.From ? covered.From : start, end > covered.To ? covered.To : end);
        }
    }

    private static DateOnly Next(DateOnly start, TrafficPeriod per) => per switch
    {
        TrafficPeriod.Week => start.AddDays(7),
        TrafficPeriod.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}
