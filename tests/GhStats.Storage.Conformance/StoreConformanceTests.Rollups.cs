using CsCheck;
using GhStats.Domain;
using Shouldly;

namespace GhStats.Storage.Conformance;

/// <summary>
/// The tenant summary reads blocks of days kept at write time (traffic_rollups); after any sequence of writes and removals
/// it must equal the summary of the stored days themselves, read through the export's query of traffic_daily.
/// </summary>
public abstract partial class StoreConformanceTests
{
    /// <summary>How far back the writes and ranges reach: a little over 10 years, so every block span is crossed.</summary>
    private const int RollupHistoryDays = 3_700;

    [StoreFact]
    public async Task TenantSummary_EqualsTheSummaryOfTheStoredDays_AfterAnySequenceOfWrites()
    {
        var writes = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[0, RollupHistoryDays], Gen.Int[1, 40], Gen.Int, (kind, repository, start, length, seed) =>
            new RollupWrite(kind, repository, start, length, seed));
        var ranges = Gen.Select(Gen.Int[0, RollupHistoryDays], Gen.Int[0, RollupHistoryDays]).Array[3];

        await Gen.Select(writes.Array[1, 10], ranges).SampleAsync(
            async (steps, random) =>
            {
                var tenant = await NewTenantAsync();
                var repositories = new[] { await NewRepositoryAsync(tenant), await NewRepositoryAsync(tenant), await NewRepositoryAsync(tenant) };
                var purged = new HashSet<long>();
                var removed = new HashSet<long>();
                var checkedRanges = new List<DateRange> { new(Today.AddDays(-3652), Today), new(Today, Today) };
                foreach (var step in steps)
                {
                    var repository = repositories[step.Repository];
                    if (purged.Contains(repository.Id) || (step.Kind == 4 && !removed.Add(repository.Id)))
                    {
                        continue;
                    }

                    var range = await ApplyRollupWriteAsync(repository, step);
                    if (range is not null)
                    {
                        checkedRanges.Add(range);
                        checkedRanges.Add(new DateRange(range.From.AddDays(-1), range.To < Today ? range.To.AddDays(1) : Today));
                    }

                    if (step.Kind == 5)
                    {
                        purged.Add(repository.Id);
                    }
                }

                checkedRanges.AddRange(random.Select(r => Range(Math.Max(r.Item1, r.Item2), Math.Min(r.Item1, r.Item2))));
                foreach (var range in checkedRanges)
                {
                    var summary = await Traffic.GetTenantSummaryAsync(tenant.Id, range);
                    var expected = await SummaryFromStoredDaysAsync(tenant.Id, range);
                    summary.Select(s => (s.Repository.Id, s.Totals)).ShouldBe(expected, $"{range.From:yyyy-MM-dd}..{range.To:yyyy-MM-dd}");
                }
            },
            iter: 12,
            threads: 1);
    }

    [StoreFact]
    public async Task TenantSummary_CountsOnlyTheRangesDays_AtEveryBlockEdge()
    {
        var tenant = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);

        // Every day of 3,000 days has views = 1 and clones = its distance from today plus one, so any range's sums are known.
        var first = Today.AddDays(-2999);
        await Traffic.MergeImportedHistoryAsync(new ImportedHistory(
            repo.Id,
            [.. Enumerable.Range(0, 3000).Select(i => new CoveredTrafficDay(new TrafficDay(repo.Id, first.AddDays(i), 1, 1, 3000 - i, i % 2), DayCoverage.Complete))],
            [],
            []));

        foreach (var (from, to) in new[] { (0, 2999), (1, 1023), (1024, 2047), (3, 4), (4, 7), (255, 257), (1000, 2999), (2999, 2999) })
        {
            var range = new DateRange(first.AddDays(from), first.AddDays(to));
            var totals = (await Traffic.GetTenantSummaryAsync(tenant.Id, range)).ShouldHaveSingleItem().Totals;
            var days = to - from + 1;
            totals.ShouldBe(new TrafficTotals(days, Enumerable.Range(from, days).Sum(i => 3000L - i), 1, to > from ? 1 : from % 2, days, days, days, 0));
        }
    }

    /// <summary>One step of the property: a write of days, a window, an import, a removal or a purge.</summary>
    private sealed record RollupWrite(int Kind, int Repository, int Start, int Length, int Seed);

    private DateRange Range(int fromDaysAgo, int toDaysAgo) => new(Today.AddDays(-fromDaysAgo), Today.AddDays(-toDaysAgo));

    /// <summary>Applies a step; returns the days it wrote, if any.</summary>
    private async Task<DateRange?> ApplyRollupWriteAsync(TrackedRepository repository, RollupWrite step)
    {
        var values = new Random(step.Seed);
        TrafficDay Day(DateOnly day)
        {
            int views = values.Next(0, 500), clones = values.Next(0, 50);
            return new TrafficDay(repository.Id, day, views, values.Next(0, views + 1), clones, values.Next(0, clones + 1));
        }

        switch (step.Kind)
        {
            case 0:
            {
                // Scattered days, some repeated: a plain merge.
                var last = Today.AddDays(-step.Start);
                var days = Enumerable.Range(0, step.Length).Select(_ => Day(last.AddDays(-values.Next(0, step.Length * 3)))).ToList();
                await Traffic.MergeTrafficDaysAsync(days);
                return new DateRange(days.Min(d => d.Day), days.Max(d => d.Day));
            }

            case 1:
            case 2:
            {
                // A collection's 14-day window, some days left out (GitHub's zeros).
                var last = Today.AddDays(-Math.Min(step.Start, 30 * step.Length));
                var window = new DateRange(last.AddDays(-13), last);
                var days = Enumerable.Range(0, 14).Where(_ => values.Next(0, 4) > 0).Select(i => Day(window.From.AddDays(i))).ToList();
                await Traffic.MergeTrafficWindowAsync(new TrafficWindow(repository.Id, window.From, window.To, days, Today));
                return window;
            }

            case 3:
            {
                // An imported history: a long run of days, partial and complete.
                var last = Today.AddDays(-step.Start);
                var first = last.AddDays(-(step.Length * 37) + 1);
                var days = Enumerable.Range(0, step.Length * 37)
                    .Select(i => new CoveredTrafficDay(Day(first.AddDays(i)), values.Next(0, 3) == 0 ? DayCoverage.Partial : DayCoverage.Complete))
                    .ToList();
                await Traffic.MergeImportedHistoryAsync(new ImportedHistory(repository.Id, days, [], []));
                return new DateRange(first, last);
            }

            case 4:
                await Repositories.RemoveAsync(repository.TenantId, repository.Id);
                return null;

            default:
                await Repositories.RemoveAsync(repository.TenantId, repository.Id, purge: true);
                return null;
        }
    }

    /// <summary>The reference: each active repository's totals over the range, summed in memory from its stored days.</summary>
    private async Task<List<(long Id, TrafficTotals Totals)>> SummaryFromStoredDaysAsync(long tenantId, DateRange range)
    {
        var days = new List<CoveredTrafficDay>();
        await foreach (var day in Traffic.StreamTenantTrafficDaysAsync(tenantId, range))
        {
            days.Add(day);
        }

        return days
            .GroupBy(d => d.Traffic.RepositoryId)
            .Select(g =>
            {
                var stored = g.Where(d => d.Coverage != DayCoverage.NotCollected).ToList();
                var known = stored.Count;
                return (g.Key, new TrafficTotals(
                    stored.Sum(d => (long)d.Traffic.Views),
                    stored.Sum(d => (long)d.Traffic.Clones),
                    stored.Select(d => (long)d.Traffic.UniqueViews).DefaultIfEmpty().Max(),
                    stored.Select(d => (long)d.Traffic.UniqueClones).DefaultIfEmpty().Max(),
                    known,
                    range.Days,
                    known,
                    stored.Count(d => d.Coverage == DayCoverage.Partial)));
            })
            .ToList();
    }
}
