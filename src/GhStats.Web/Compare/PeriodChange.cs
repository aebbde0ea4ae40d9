using GhStats.Domain;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Compare;

/// <summary>
/// Trends: a range's totals against the period of the same length just before it. A percentage is given only when
/// every day of both periods is known (a partial day counts, as in the totals); otherwise the answer says which period
/// is incomplete instead of a number built on days nobody collected.
/// </summary>
internal static class PeriodChange
{
    /// <summary>The days just before <paramref name="range"/>, as many as it has; null before GitHub existed.</summary>
    public static DateRange? PreviousOf(DateRange range)
    {
        var from = range.From.AddDays(-range.Days);
        return from < RangeQuery.Earliest ? null : new DateRange(from, range.From.AddDays(-1));
    }

    public static PreviousPeriodResponse Of(TrafficTotals current, DateRange previousRange, TrafficTotals previous)
    {
        var state = previous.KnownDays < previousRange.Days ? "previousIncomplete"
            : current.KnownDays < current.Days ? "currentIncomplete"
            : "comparable";
        var comparable = state == "comparable";
        return new PreviousPeriodResponse(previousRange.From, previousRange.To, previous.Views, previous.Clones,
            previousRange.Days, previous.KnownDays, previous.PartialDays, state,
            comparable ? Percent(current.Views, previous.Views) : null,
            comparable ? Percent(current.Clones, previous.Clones) : null);
    }

    /// <summary>Null from 0: no percentage says how much more something is than nothing.</summary>
    private static double? Percent(long current, long previous) =>
        previous == 0 ? null : Math.Round((current - previous) * 100.0 / previous, 1);
}
