using GhStats.Domain;

namespace GhStats.Storage.Traffic;

/// <summary>
/// The rollups of <c>traffic_daily</c> (<c>traffic_rollups</c>, migration 17): per repository, blocks of 4, 16, 64, 256
/// and 1,024 days, each starting on a day number that is a multiple of its span; a block of 4 also carries its days one
/// by one (migration 22), for the edge days of a range. How a write's changed days become one change per touched block,
/// and how a range is covered by the fewest blocks and edge days.
/// </summary>
internal static class TrafficBlocks
{
    /// <summary>The spans, smallest first; each is 4 times the one before, so a block is the sum of its 4 children.</summary>
    public static readonly int[] Spans = [4, 16, 64, 256, 1024];

    /// <summary>The span whose blocks carry their days one by one (<see cref="BlockDays"/>): a run of edge days lies in one of them.</summary>
    public const int DaySpan = 4;

    /// <summary>How many runs <see cref="Cover"/> gives: two of days, two per span below the largest, one of the largest.</summary>
    public static readonly int Runs = 2 + (2 * (Spans.Length - 1)) + 1;

    /// <summary>The span of each of <see cref="Cover"/>'s runs, in order; 1 for the runs of days.</summary>
    public static readonly int[] RunSpans = [1, 1, .. Spans[..^1].SelectMany(s => new[] { s, s }), Spans[^1]];

    /// <summary>
    /// Covers a range with aligned blocks, largest first: at each span below the largest at most one run of blocks on the
    /// range's left and one on its right (at most 3 blocks each), and one run of the largest span in the middle.
    /// </summary>
    /// <param name="range">The range.</param>
    /// <returns>For each of <see cref="RunSpans"/>, the day numbers of the run's first and last block (or day); empty when First is after Last.</returns>
    public static (int First, int Last)[] Cover(DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var runs = new (int First, int Last)[Runs];
        int low = range.From.DayNumber, high = range.To.DayNumber + 1;
        var span = 1;
        for (var level = 0; level < Spans.Length; level++)
        {
            var next = Spans[level];
            var left = low;
            while (low % next != 0 && low + span <= high)
            {
                low += span;
            }

            var right = high;
            while (high % next != 0 && high - span >= low)
            {
                high -= span;
            }

            runs[2 * level] = (left, low - span);
            runs[(2 * level) + 1] = (high, right - span);
            span = next;
        }

        // low and high are now multiples of the largest span (or equal): the middle is whole blocks of it.
        runs[^1] = (low, high - span);
        return runs;
    }

    /// <summary>The first day number of the block of <paramref name="span"/> days that holds a day.</summary>
    public static int StartOf(int dayNumber, int span) => dayNumber - (dayNumber % span);

    /// <summary>
    /// What a write changes in the blocks: for each day written, its stored row before (null when new) and after the
    /// maximum rule, added into every block that holds it; a block no day changed is left out. Ordered by span, then
    /// start, so every writer touches blocks in one order.
    /// </summary>
    /// <param name="tenantId">The repository's tenant.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="days">Each day written: before (null when there was no row) and after.</param>
    /// <returns>One change per touched block, by span and start.</returns>
    public static List<TrafficBlock> Changes(long tenantId, long repositoryId, IEnumerable<(StoredDay? Before, StoredDay After)> days)
    {
        // In day order, the days of one block are next to each other: each span is one pass that closes a block when the
        // next day falls in another.
        var changed = days.Where(d => d.Before != d.After).OrderBy(d => d.After.DayNumber).ToList();
        var blocks = new List<TrafficBlock>();
        foreach (var span in Spans)
        {
            var block = new BlockChange { Start = -1, DaysByPlace = BlockDays.None };
            foreach (var (before, after) in changed)
            {
                var start = StartOf(after.DayNumber, span);
                if (start != block.Start)
                {
                    Close(block);
                    block = new BlockChange { Start = start, DaysByPlace = BlockDays.None };
                }

                block.Views += after.Views - (before?.Views ?? 0);
                block.Clones += after.Clones - (before?.Clones ?? 0);
                block.PeakUniqueViews = Math.Max(block.PeakUniqueViews, after.UniqueViews);
                block.PeakUniqueClones = Math.Max(block.PeakUniqueClones, after.UniqueClones);
                block.Days += before is null ? 1 : 0;
                block.PartialDays += (after.Partial ? 1 : 0) - (before is { Partial: true } ? 1 : 0);
                if (span == DaySpan)
                {
                    block.DaysByPlace = block.DaysByPlace.With(after);
                }
            }

            Close(block);

            void Close(BlockChange done)
            {
                if (done.Start >= 0)
                {
                    blocks.Add(new TrafficBlock(tenantId, span, done.Start, repositoryId, done.Views, done.Clones,
                        done.PeakUniqueViews, done.PeakUniqueClones, done.Days, done.PartialDays, done.DaysByPlace));
                }
            }
        }

        return blocks;
    }

    /// <summary>A block's change as the days written add up in it.</summary>
    private struct BlockChange
    {
        public int Start;
        public long Views;
        public long Clones;
        public long PeakUniqueViews;
        public long PeakUniqueClones;
        public int Days;
        public int PartialDays;
        public BlockDays DaysByPlace;
    }
}

/// <summary>
/// The days of a 4-day block one by one, by their place in it (day number modulo 4); null where the change leaves a day
/// as stored (or no day is stored). Written by the maximum rule, as <c>traffic_daily</c> keeps a day, so a change only
/// names the days it wrote. Blocks of other spans carry none.
/// </summary>
internal sealed record BlockDays(StoredDay? Day0, StoredDay? Day1, StoredDay? Day2, StoredDay? Day3)
{
    public static readonly BlockDays None = new(null, null, null, null);

    /// <summary>The day at a place in the block, or null.</summary>
    public StoredDay? this[int place] => place switch
    {
        0 => Day0,
        1 => Day1,
        2 => Day2,
        3 => Day3,
        _ => throw new ArgumentOutOfRangeException(nameof(place), place, "A block of 4 days has places 0 to 3."),
    };

    /// <summary>These days with one set at its place.</summary>
    public BlockDays With(StoredDay day) => (day.DayNumber % TrafficBlocks.DaySpan) switch
    {
        0 => this with { Day0 = day },
        1 => this with { Day1 = day },
        2 => this with { Day2 = day },
        _ => this with { Day3 = day },
    };
}

/// <summary>A stored day as the rollups see it: its counts and whether it is partial (coverage below complete).</summary>
internal sealed record StoredDay(int DayNumber, long Views, long UniqueViews, long Clones, long UniqueClones, bool Partial);

/// <summary>
/// A row of <c>traffic_rollups</c>, or a change to one: sums (views, clones, days, partial days) add up, peaks (the
/// largest daily uniques) take the larger, and a block of 4 days has its days (<see cref="BlockDays"/>).
/// </summary>
internal sealed record TrafficBlock(
    long TenantId, int Span, int BlockStart, long RepositoryId, long Views, long Clones, long PeakUniqueViews, long PeakUniqueClones, int Days, int PartialDays,
    BlockDays DaysByPlace);
