using GhStats.Domain;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Compare;

/// <summary>
/// Folds a tenant's day stream (one query for all its repositories) into periods: views and clones summed over the
/// known repository days, uniques kept as the largest single repository day, since people visiting two repositories
/// or two days would be counted twice by a sum.
/// </summary>
internal sealed class TenantTraffic
{
    private TenantTraffic(IReadOnlyList<Period> periods, Period totals, int repositories)
    {
        Periods = periods;
        Totals = totals;
        Repositories = repositories;
    }

    public IReadOnlyList<Period> Periods { get; }

    public Period Totals { get; }

    public int Repositories { get; }

    public static TenantTraffic Empty(DateRange covered, TrafficPeriod per) =>
        new([.. Compare.Periods.Of(covered, per).Select(p => new Period(p.From))], new Period(covered.From), 0);

    public static async Task<TenantTraffic> CombineAsync(IAsyncEnumerable<CoveredTrafficDay> days, DateRange covered, TrafficPeriod per, CancellationToken cancellationToken)
    {
        var periods = Compare.Periods.Of(covered, per).Select(p => new Period(p.From)).ToDictionary(p => p.Date);
        var totals = new Period(covered.From);
        var repositories = new HashSet<long>();
        await foreach (var (day, coverage) in days.WithCancellation(cancellationToken))
        {
            repositories.Add(day.RepositoryId);
            var period = periods[DateRange.PeriodStartOf(day.Day, per)];
            period.Add(day, coverage);
            totals.Add(day, coverage);
        }

        return new TenantTraffic([.. periods.Values.OrderBy(p => p.Date)], totals, repositories.Count);
    }

    /// <summary>One period's running sums.</summary>
    internal sealed class Period(DateOnly date)
    {
        public DateOnly Date => date;

        private int _repositoryDays;
        private int _known;
        private int _partial;
        private long _views;
        private long _clones;
        private long _peakUniqueViews;
        private long _peakUniqueClones;

        public void Add(TrafficDay day, DayCoverage coverage)
        {
            _repositoryDays++;
            if (coverage == DayCoverage.NotCollected)
            {
                return;
            }

            _known++;
            _partial += coverage == DayCoverage.Partial ? 1 : 0;
            _views += day.Views;
            _clones += day.Clones;
            _peakUniqueViews = Math.Max(_peakUniqueViews, day.UniqueViews);
            _peakUniqueClones = Math.Max(_peakUniqueClones, day.UniqueClones);
        }

        public TenantTrafficPointResponse ToResponse()
        {
            var known = _known > 0;
            return new TenantTrafficPointResponse(Date, WireNames.Of(TrafficPoint.CoverageOf(_repositoryDays, _known, _partial)), _repositoryDays, _known, _partial,
                known ? _views : null, known ? _clones : null, known ? _peakUniqueViews : null, known ? _peakUniqueClones : null);
        }
    }
}
