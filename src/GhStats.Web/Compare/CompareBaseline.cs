using GhStats.Domain;

namespace GhStats.Web.Compare;

/// <summary>
/// What a repository's normalised values are divided by: the mean of its values over its first known week in the range.
/// The week starts at the first complete point (partial days are lower bounds that would bend every ratio), or at the
/// first known point when none is complete; per day it takes the known days of those 7, per week that week, and per
/// month the first known month (a month series has nothing finer). A mean of 0 or no known value leaves every
/// normalised value null rather than dividing by nothing.
/// </summary>
/// <param name="From">The first day of the baseline.</param>
/// <param name="To">The last day of the baseline.</param>
/// <param name="Mean">The mean value, or null when no value of the range is known.</param>
/// <param name="Points">How many points the mean is taken over.</param>
internal sealed record CompareBaseline(DateOnly? From, DateOnly? To, double? Mean, int Points)
{
    public static CompareBaseline Unknown { get; } = new(null, null, null, 0);

    /// <summary>"known" (a mean above 0), "zero" (the first week is known and had none) or "unknown" (nothing known).</summary>
    public string State => Mean switch
    {
        null => "unknown",
        0 => "zero",
        _ => "known",
    };

    public static CompareBaseline Of(IReadOnlyList<ComparePoint> points, TrafficPeriod per)
    {
        var valued = points.Where(p => p.Value is not null).ToList();
        var complete = valued.Where(p => p.Coverage == DayCoverage.Complete).ToList();
        var candidates = complete.Count > 0 ? complete : valued;
        if (candidates.Count == 0)
        {
            return Unknown;
        }

        var first = candidates[0].Date;
        var last = per == TrafficPeriod.Day ? first.AddDays(6) : first;
        var week = candidates.Where(p => p.Date >= first && p.Date <= last).ToList();
        var end = per switch
        {
            TrafficPeriod.Week => first.AddDays(6),
            TrafficPeriod.Month => first.AddMonths(1).AddDays(-1),
            _ => week[^1].Date,
        };
        return new CompareBaseline(first, end, week.Average(p => (double)p.Value!.Value), week.Count);
    }

    /// <summary>A value divided by the mean, or null when either is unknown or the mean is 0.</summary>
    public double? Normalise(long? value) =>
        value is { } v && Mean is > 0 ? Math.Round(v / Mean.Value, 4) : null;
}
