namespace GhStats.Testing.GitHub;

/// <summary>
/// The deterministic traffic of one repository: daily ground truth from its seed, and the partial 14-day window
/// GitHub serves at a given instant. Every figure is a pure function of the seed and the dates.
/// </summary>
internal sealed class TrafficModel
{
    public const int WindowDays = 14;

    private const long ViewsSalt = 101;
    private const long UniqueViewsSalt = 102;
    private const long ZeroViewsSalt = 103;
    private const long ClonesSalt = 201;
    private const long UniqueClonesSalt = 202;
    private const long ZeroClonesSalt = 203;
    private const long WeekViewsSalt = 301;
    private const long WeekClonesSalt = 302;
    private const long WindowViewsSalt = 401;
    private const long WindowClonesSalt = 402;

    private readonly int _seed;
    private readonly int _viewLevel;
    private readonly int _cloneLevel;
    private readonly int _zeroViewsPercent;
    private readonly int _zeroClonesPercent;

    public TrafficModel(int seed)
    {
        _seed = seed;

        // One repository in ten is nearly silent, the rest spread over two orders of magnitude.
        _viewLevel = StableHash.Below(10, seed, 1) == 0 ? 1 + StableHash.Below(4, seed, 2) : 10 + StableHash.Below(400, seed, 3);
        _cloneLevel = Math.Max(1, (int)(_viewLevel / 6.0 * (0.5 + StableHash.Unit(seed, 4))));
        _zeroViewsPercent = 8 + StableHash.Below(20, seed, 5);
        _zeroClonesPercent = 20 + StableHash.Below(30, seed, 6);
    }

    public SimulatedTraffic Day(DateOnly day)
    {
        var n = day.DayNumber;
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

        var views = 0;
        if (StableHash.Unit(_seed, n, ZeroViewsSalt) * 100 >= _zeroViewsPercent)
        {
            views = Math.Max(1, (int)(_viewLevel * (weekend ? 0.55 : 1.0) * (0.4 + (1.2 * StableHash.Unit(_seed, n, ViewsSalt)))));
        }

        var clones = 0;
        if (StableHash.Unit(_seed, n, ZeroClonesSalt) * 100 >= _zeroClonesPercent)
        {
            clones = Math.Max(1, (int)(_cloneLevel * (0.3 + (1.4 * StableHash.Unit(_seed, n, ClonesSalt)))));
        }

        return new SimulatedTraffic(
            day,
            views,
            Uniques(views, 0.2 + (0.6 * StableHash.Unit(_seed, n, UniqueViewsSalt))),
            clones,
            Uniques(clones, 0.3 + (0.6 * StableHash.Unit(_seed, n, UniqueClonesSalt))));
    }

    public SimulatedTraffic Week(DateOnly monday)
    {
        var days = new SimulatedTraffic[7];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = Day(monday.AddDays(i));
        }

        return WeekOf(monday, days);
    }

    /// <summary>The 14 days GitHub serves at <paramref name="now"/>, oldest first, zero days included.</summary>
    public SimulatedTraffic[] ServedDays(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var today = DateOnly.FromDateTime(utc);
        var elapsed = utc.TimeOfDay.Ticks / (double)TimeSpan.TicksPerDay;
        var days = new SimulatedTraffic[WindowDays];
        for (var i = 0; i < WindowDays; i++)
        {
            var day = today.AddDays(i - (WindowDays - 1));
            var truth = Day(day);

            // The current day has only happened in part; the window's oldest day has already partly slid out.
            days[i] = i == WindowDays - 1 ? Scale(truth, elapsed) : i == 0 ? Scale(truth, 1 - elapsed) : truth;
        }

        return days;
    }

    /// <summary>The top-level count and uniques GitHub reports for the window of <paramref name="days"/>.</summary>
    public SimulatedTraffic Totals(SimulatedTraffic[] days)
    {
        var today = days[^1].Start.DayNumber;
        return Aggregate(days[0].Start, days, WindowViewsSalt, WindowClonesSalt, today);
    }

    /// <summary>The weeks (starting Monday) that overlap the window of <paramref name="days"/>, built from its days only.</summary>
    public SimulatedTraffic[] ServedWeeks(SimulatedTraffic[] days)
    {
        var first = MondayOf(days[0].Start);
        var last = MondayOf(days[^1].Start);
        var weeks = new SimulatedTraffic[((last.DayNumber - first.DayNumber) / 7) + 1];
        for (var w = 0; w < weeks.Length; w++)
        {
            var monday = first.AddDays(7 * w);
            var inWeek = Array.FindAll(days, d => d.Start >= monday && d.Start < monday.AddDays(7));
            weeks[w] = WeekOf(monday, inWeek);
        }

        return weeks;
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private SimulatedTraffic WeekOf(DateOnly monday, SimulatedTraffic[] days) =>
        Aggregate(monday, days, WeekViewsSalt, WeekClonesSalt, monday.DayNumber);

    private SimulatedTraffic Aggregate(DateOnly start, SimulatedTraffic[] days, long viewsSalt, long clonesSalt, long key)
    {
        int views = 0, maxUniqueViews = 0, sumUniqueViews = 0, clones = 0, maxUniqueClones = 0, sumUniqueClones = 0;
        foreach (var day in days)
        {
            views += day.Views;
            clones += day.Clones;
            sumUniqueViews += day.UniqueViews;
            sumUniqueClones += day.UniqueClones;
            maxUniqueViews = Math.Max(maxUniqueViews, day.UniqueViews);
            maxUniqueClones = Math.Max(maxUniqueClones, day.UniqueClones);
        }

        return new SimulatedTraffic(
            start,
            views,
            CombineUniques(maxUniqueViews, sumUniqueViews, StableHash.Unit(_seed, key, viewsSalt)),
            clones,
            CombineUniques(maxUniqueClones, sumUniqueClones, StableHash.Unit(_seed, key, clonesSalt)));
    }

    // Visitors come back on several days: a period's uniques lie between the busiest day's and the sum of the days'.
    // The result never falls when a day grows, so partial windows never exceed the full period.
    private static int CombineUniques(int max, int sum, double draw) => max + (int)((sum - max) * (0.15 + (0.4 * draw)));

    private static int Uniques(int count, double share) => count == 0 ? 0 : Math.Clamp((int)(count * share), 1, count);

    private static SimulatedTraffic Scale(SimulatedTraffic day, double fraction)
    {
        var views = (int)(day.Views * fraction);
        var clones = (int)(day.Clones * fraction);
        return day with
        {
            Views = views,
            UniqueViews = views == 0 ? 0 : Math.Clamp((int)(day.UniqueViews * fraction), 1, views),
            Clones = clones,
            UniqueClones = clones == 0 ? 0 : Math.Clamp((int)(day.UniqueClones * fraction), 1, clones),
        };
    }
}
