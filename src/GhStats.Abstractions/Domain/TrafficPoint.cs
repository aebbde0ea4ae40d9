namespace GhStats.Domain;

/// <summary>
/// One point of a traffic series. Views and clones are sums of the period's known days. Unique counts are GitHub's own
/// figures for the point's period (daily for days, weekly for weeks) and null where GitHub gives none (months, or weeks
/// collected without weekly figures): daily uniques are never summed. A series holds a point for every period of its
/// range; <see cref="KnownDays"/> says how many of the period's days a read covered (a day point with none is not
/// collected, and its zeros mean nothing).
/// </summary>
/// <param name="Date">The day, the Monday of the week, or the first day of the month.</param>
/// <param name="Views">Page views.</param>
/// <param name="UniqueViews">Unique visitors, or null when GitHub has no figure for this period.</param>
/// <param name="Clones">Clones.</param>
/// <param name="UniqueClones">Unique cloners, or null when GitHub has no figure for this period.</param>
/// <param name="Days">Days in the period (within the series' range).</param>
/// <param name="KnownDays">Days of the period that a read covered, complete or partial.</param>
/// <param name="PartialDays">Days of the period that were covered only while cut short.</param>
public sealed record TrafficPoint(
    DateOnly Date,
    long Views,
    long? UniqueViews,
    long Clones,
    long? UniqueClones,
    int Days = 1,
    int KnownDays = 1,
    int PartialDays = 0)
{
    /// <summary>
    /// The point's coverage: not collected when no day is known, complete when every day is known and none partial,
    /// otherwise partial. For a day point this is the day's own coverage.
    /// </summary>
    public DayCoverage Coverage => CoverageOf(Days, KnownDays, PartialDays);

    /// <summary>
    /// The coverage of a period from its day counts: not collected when no day is known, complete when every day is
    /// known and none partial, otherwise partial.
    /// </summary>
    /// <param name="days">Days in the period.</param>
    /// <param name="knownDays">Days of the period that a read covered.</param>
    /// <param name="partialDays">Days of the period covered only while cut short.</param>
    /// <returns>The period's coverage.</returns>
    public static DayCoverage CoverageOf(int days, int knownDays, int partialDays) =>
        knownDays == 0 ? DayCoverage.NotCollected
        : knownDays == days && partialDays == 0 ? DayCoverage.Complete
        : DayCoverage.Partial;

    /// <summary>A day point with the given coverage; a day not collected has zero views and clones, which mean nothing, and no uniques.</summary>
    /// <param name="day">The day.</param>
    /// <param name="coverage">Its coverage.</param>
    /// <param name="views">Page views.</param>
    /// <param name="uniqueViews">Unique visitors.</param>
    /// <param name="clones">Clones.</param>
    /// <param name="uniqueClones">Unique cloners.</param>
    /// <returns>The point.</returns>
    public static TrafficPoint ForDay(DateOnly day, DayCoverage coverage, long views, long uniqueViews, long clones, long uniqueClones) =>
        coverage == DayCoverage.NotCollected
            ? new(day, 0, null, 0, null, 1, 0, 0)
            : new(day, views, uniqueViews, clones, uniqueClones, 1, 1, coverage == DayCoverage.Partial ? 1 : 0);
}
