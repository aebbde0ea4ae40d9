namespace GhStats.Domain;

/// <summary>
/// What one successful read of a repository's daily views and clones proves: every day from <see cref="FirstDay"/> to
/// <see cref="LastDay"/> is known (days GitHub omits are zeros); the window's edges are partial (the current day is not
/// over, the oldest day can be cut short), the days between are complete.
/// </summary>
/// <param name="RepositoryId">The repository read.</param>
/// <param name="FirstDay">The window's oldest day.</param>
/// <param name="LastDay">The window's newest day (the day of the read).</param>
/// <param name="Days">The days the response held; each within the window and of this repository.</param>
/// <param name="ReadOn">The UTC day of the read: the repository's new last daily read.</param>
public sealed record TrafficWindow(long RepositoryId, DateOnly FirstDay, DateOnly LastDay, IReadOnlyCollection<TrafficDay> Days, DateOnly ReadOn)
{
    /// <summary>
    /// The window a read at <paramref name="today"/> proves: <c>today - 13</c> to <c>today</c>, started earlier when the
    /// response holds an older day and ended later when it holds a newer one.
    /// </summary>
    /// <param name="repositoryId">The repository read.</param>
    /// <param name="today">The UTC day of the read.</param>
    /// <param name="days">The days the response held (views and clones merged per day).</param>
    /// <returns>The window.</returns>
    public static TrafficWindow FromRead(long repositoryId, DateOnly today, IReadOnlyCollection<TrafficDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var first = today.AddDays(1 - CollectionHorizon.GitHubWindowDays);
        var last = today;
        foreach (var day in days)
        {
            first = day.Day < first ? day.Day : first;
            last = day.Day > last ? day.Day : last;
        }

        return new TrafficWindow(repositoryId, first, last, days, today);
    }

    /// <summary>The coverage this window proves for a day: partial at its edges, complete between, not collected outside.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The coverage.</returns>
    public DayCoverage CoverageOf(DateOnly day) =>
        day < FirstDay || day > LastDay ? DayCoverage.NotCollected
        : day == FirstDay || day == LastDay ? DayCoverage.Partial
        : DayCoverage.Complete;
}
