using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Web.Compare;

/// <summary>The compare metric the release store answers: release downloads per period.</summary>
internal sealed class ReleaseCompareMetrics(IReleaseStore releases) : ICompareMetricSource
{
    public IEnumerable<CompareMetric> Metrics => [new DownloadsMetric(releases)];

    /// <summary>
    /// Downloads are counted on the day the releases were read (the increments since the read before); a period's value is
    /// the sum of its read days, and its known days are the days those reads account for. A period without a read has no
    /// value, never zero.
    /// </summary>
    private sealed class DownloadsMetric(IReleaseStore releases)
        : CompareMetric("downloads", "Release downloads",
            "Release downloads are counted on the day the releases were read; a read after days without one counts those days too. Periods without a read have no value.")
    {
        public override async Task<IReadOnlyList<ComparePoint>> ReadAsync(TrackedRepository repository, DateRange range, TrafficPeriod per, CancellationToken cancellationToken)
        {
            var covered = range.AlignTo(per);
            var downloads = await releases.GetDailyDownloadsAsync(repository.TenantId, repository.Id, covered, cancellationToken);
            // Grouped by period as the stars metric groups its readings; a period without a read has no entry.
            var byPeriod = downloads.Days.Where(d => d.Read).GroupBy(d => DateRange.PeriodStartOf(d.Day, per)).ToDictionary(g => g.Key, g => g.ToList());
            return [.. Periods.Of(covered, per).Select(period => byPeriod.TryGetValue(period.From, out var reads)

                // A read's figure spans its own day and the unread days before it, as far back as the period's start.
                ? new ComparePoint(period.From, reads.Sum(d => d.Downloads!.Value), period.Days,
                    reads.Sum(d => Math.Min(Math.Max(d.Days, 1), d.Day.DayNumber - period.From.DayNumber + 1)), 0)
                : new ComparePoint(period.From, null, period.Days, 0, 0))];
        }
    }
}
