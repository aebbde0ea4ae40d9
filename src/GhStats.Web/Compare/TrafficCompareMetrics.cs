using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Web.Compare;

/// <summary>The compare metrics the traffic store answers: views, unique visitors and clones per period, and stars.</summary>
internal sealed class TrafficCompareMetrics(ITrafficStore traffic) : ICompareMetricSource
{
    public IEnumerable<CompareMetric> Metrics =>
    [
        new SeriesMetric(traffic, "views", "Views", "Views are summed over the known days of each period.", p => p.Views),
        new SeriesMetric(traffic, "uniqueViews", "Unique visitors",
            "Unique visitors are GitHub's own figures: daily per day, weekly per week where they were collected; GitHub has none per month, and they are never summed.",
            p => p.UniqueViews),
        new SeriesMetric(traffic, "clones", "Clones", "Clones are summed over the known days of each period.", p => p.Clones),
        new StarsMetric(traffic),
    ];

    /// <summary>A figure of the repository's traffic series; a period without a known day has no value.</summary>
    private sealed class SeriesMetric(ITrafficStore traffic, string name, string label, string note, Func<TrafficPoint, long?> value)
        : CompareMetric(name, label, note)
    {
        public override async Task<IReadOnlyList<ComparePoint>> ReadAsync(TrackedRepository repository, DateRange range, TrafficPeriod per, CancellationToken cancellationToken)
        {
            var series = await traffic.GetTrafficSeriesAsync(repository.TenantId, repository.Id, range, per, cancellationToken);
            return [.. series.Points.Select(p => new ComparePoint(p.Date, p.KnownDays > 0 ? value(p) : null, p.Days, p.KnownDays, p.PartialDays))];
        }
    }

    /// <summary>
    /// Stars are a level read once a collection day (repo_daily_stats), not a count to sum: a period's value is its last
    /// reading, and its known days are the days with a reading.
    /// </summary>
    private sealed class StarsMetric(ITrafficStore traffic)
        : CompareMetric("stars", "Stars", "Stars are the last reading of each period; days without a collection have no reading.")
    {
        public override async Task<IReadOnlyList<ComparePoint>> ReadAsync(TrackedRepository repository, DateRange range, TrafficPeriod per, CancellationToken cancellationToken)
        {
            var covered = range.AlignTo(per);
            var readings = await traffic.GetRepositoryStatsAsync(repository.TenantId, repository.Id, covered, cancellationToken);
            var byPeriod = readings.GroupBy(r => DateRange.PeriodStartOf(r.Day, per)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Day).ToList());
            return [.. Periods.Of(covered, per).Select(period => byPeriod.TryGetValue(period.From, out var days)
                ? new ComparePoint(period.From, days[^1].Stars, period.Days, days.Count, 0)
                : new ComparePoint(period.From, null, period.Days, 0, 0))];
        }
    }
}
