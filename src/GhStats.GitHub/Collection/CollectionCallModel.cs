namespace GhStats.GitHub.Collection;

/// <summary>
/// What collecting one repository costs in REST calls, in one place: the collector's cadence (views and clones every run,
/// counters, referrers, paths and releases once a UTC day, GitHub's weekly figures once an ISO week) as numbers the plan
/// works with. Worst case: every answer changed, since a 304 is not charged. The collector's tests count the calls a run
/// makes against these figures. A day's once-a-day and once-a-week reads are made by whichever of its runs the budget
/// spares them in (views and clones go first; see <see cref="CollectionLane.TryPledgeSlowReads"/>), so the plan counts a
/// day's calls against the day's budget, not the first run's against one hour's.
/// </summary>
internal static class CollectionCallModel
{
    /// <summary>Daily views and daily clones: read by every run.</summary>
    public const int CallsEveryRun = 2;

    /// <summary>Counters, referrers, paths and releases (one page): read once a UTC day.</summary>
    public const int DailyCallsByRest = 4;

    /// <summary>Referrers, paths and releases, the counters coming in GraphQL batches on GraphQL's own budget.</summary>
    public const int DailyCallsWithGraphQL = 3;

    /// <summary>Weekly views and weekly clones: read once an ISO week (from Monday).</summary>
    public const int WeeklyCalls = 2;

    /// <summary>A personal access token's limit, and the least an App installation gets, per hour (GitHub's documentation).</summary>
    public const int AssumedHourlyLimit = 5_000;

    private const int HoursPerDay = 24;

    /// <summary>REST calls one repository needs in a UTC day.</summary>
    /// <param name="runsPerDay">Runs in the day (at least one).</param>
    /// <param name="countersByGraphQL">Whether the counters come in GraphQL batches.</param>
    /// <param name="weeklyDay">Whether the day starts an ISO week.</param>
    public static long CallsPerRepositoryPerDay(int runsPerDay, bool countersByGraphQL, bool weeklyDay) =>
        ((long)Math.Max(1, runsPerDay) * CallsEveryRun) + (countersByGraphQL ? DailyCallsWithGraphQL : DailyCallsByRest) + (weeklyDay ? WeeklyCalls : 0);

    /// <summary>REST calls a connection may make in a day.</summary>
    public static long DailyBudget(int hourlyLimit) => (long)HoursPerDay * Math.Max(0, hourlyLimit);

    /// <summary>
    /// Repositories a connection keeps at a run frequency within its day's budget, counted on the heaviest day (the weekly
    /// reads too), so every day of the week fits.
    /// </summary>
    public static int Capacity(int hourlyLimit, int runsPerDay, bool countersByGraphQL) =>
        (int)Math.Min(int.MaxValue, DailyBudget(hourlyLimit) / CallsPerRepositoryPerDay(runsPerDay, countersByGraphQL, weeklyDay: true));

    /// <summary>Repositories kept fresh every hour: 24 runs a day.</summary>
    public static int HourlyCapacity(int hourlyLimit, bool countersByGraphQL) => Capacity(hourlyLimit, HoursPerDay, countersByGraphQL);

    /// <summary>Repositories read in full once a day.</summary>
    public static int DailyCapacity(int hourlyLimit, bool countersByGraphQL) => Capacity(hourlyLimit, 1, countersByGraphQL);

    /// <summary>REST calls a day needs for <paramref name="repositories"/>.</summary>
    public static long CallsForDay(int repositories, int runsPerDay, bool countersByGraphQL, bool weeklyDay) =>
        repositories * CallsPerRepositoryPerDay(runsPerDay, countersByGraphQL, weeklyDay);

    /// <summary>Whether a day starts an ISO week, when the collector reads the weekly figures.</summary>
    public static bool ReadsWeekly(DateOnly day) => Domain.DateRange.WeekStartOf(day) == day;
}
