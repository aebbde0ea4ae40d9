using CsCheck;
using GhStats.Storage.Traffic;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// What a write adds to the rollups' blocks, against the definition worked out the plain way: for every span, the days
/// grouped by their block, their changes summed and their peaks maximised, a 4-day block's changed days by their place
/// in it, blocks no day changed left out, in span and start order.
/// </summary>
public sealed class TrafficBlockChangesTests
{
    [Fact]
    public void Changes_AreEachBlocksDaysAddedUp_ForAnyWrite()
    {
        var day = Gen.Select(Gen.Int[0, 6000], Gen.Long[0, 500], Gen.Long[0, 50], Gen.Bool);
        var write = Gen.Select(day, Gen.Int[0, 2], Gen.Long[0, 300]).Array[0, 60];
        write.Sample(picked =>
        {
            // Each day once (a write is folded), some new, some raised, some unchanged.
            var days = picked.DistinctBy(p => p.Item1.Item1).Select(p =>
            {
                var ((number, views, clones, partial), kind, raise) = p;
                var before = kind == 0 ? null : new StoredDay(740_000 + number, views, views / 2, clones, clones / 2, true);
                var after = kind == 2 && before is not null ? before : new StoredDay(740_000 + number, views + raise, (views + raise) / 3, clones + raise, (clones + raise) / 3, partial);
                return (Before: before, After: after);
            }).ToList();

            TrafficBlocks.Changes(7, 42, days).ShouldBe(Reference(7, 42, days));
        });
    }

    [Fact]
    public void AWriteThatChangesNothing_TouchesNoBlock()
    {
        var stored = new StoredDay(740_001, 10, 5, 1, 1, false);
        TrafficBlocks.Changes(1, 2, [(stored, stored)]).ShouldBeEmpty();
    }

    [Fact]
    public void ADayOnABlockEdge_GoesToTheBlockThatStartsThere()
    {
        var changes = TrafficBlocks.Changes(1, 2, [(null, new StoredDay(4096, 3, 2, 1, 1, true)), (null, new StoredDay(4095, 5, 4, 0, 0, false))]);

        changes.Where(b => b.Span == 4).Select(b => (b.BlockStart, b.Views, b.Days, b.PartialDays)).ShouldBe([(4092, 5L, 1, 0), (4096, 3L, 1, 1)]);
        changes.Where(b => b.Span == 1024).Select(b => (b.BlockStart, b.Views, b.PeakUniqueViews)).ShouldBe([(3072, 5L, 4L), (4096, 3L, 2L)]);

        // 4095 is the last place of its 4-day block, 4096 the first of the next; larger blocks carry no days.
        changes.Where(b => b.Span == 4).Select(b => b.DaysByPlace).ShouldBe(
            [new BlockDays(null, null, null, new StoredDay(4095, 5, 4, 0, 0, false)), new BlockDays(new StoredDay(4096, 3, 2, 1, 1, true), null, null, null)]);
        changes.Where(b => b.Span > 4).ShouldAllBe(b => b.DaysByPlace == BlockDays.None);
    }

    private static List<TrafficBlock> Reference(long tenant, long repository, List<(StoredDay? Before, StoredDay After)> days) =>
    [
        .. from span in TrafficBlocks.Spans
           from g in days.Where(d => d.Before != d.After).GroupBy(d => TrafficBlocks.StartOf(d.After.DayNumber, span))
           orderby span, g.Key
           select new TrafficBlock(tenant, span, g.Key, repository,
               g.Sum(d => d.After.Views - (d.Before?.Views ?? 0)),
               g.Sum(d => d.After.Clones - (d.Before?.Clones ?? 0)),
               g.Max(d => d.After.UniqueViews),
               g.Max(d => d.After.UniqueClones),
               g.Count(d => d.Before is null),
               g.Sum(d => (d.After.Partial ? 1 : 0) - (d.Before is { Partial: true } ? 1 : 0)),
               span == TrafficBlocks.DaySpan
                   ? new BlockDays(Place(g, 0), Place(g, 1), Place(g, 2), Place(g, 3))
                   : BlockDays.None),
    ];

    private static StoredDay? Place(IEnumerable<(StoredDay? Before, StoredDay After)> days, int place) =>
        days.Select(d => d.After).SingleOrDefault(d => d.DayNumber % 4 == place);
}
