namespace GhStats.Domain;

/// <summary>A repository's data-loss horizon: how long ago its daily traffic was last read, and what follows from it.</summary>
/// <param name="LastDailyReadOn">The UTC day of the last successful daily read, or null when it was never read.</param>
/// <param name="State">Fine, at risk or losing days.</param>
/// <param name="DaysSinceRead">Days since that read (or since the repository was added, when never read).</param>
public sealed record CollectionHorizon(DateOnly? LastDailyReadOn, HorizonState State, int DaysSinceRead)
{
    /// <summary>How many days GitHub's daily traffic window holds (today and the 13 days before).</summary>
    public const int GitHubWindowDays = 14;

    /// <summary>
    /// Computes a horizon: at risk when <paramref name="today"/> minus the last read is at least
    /// <paramref name="atRiskAfterDays"/>, losing days when it is at least <see cref="GitHubWindowDays"/>. A repository
    /// never read successfully counts from the day it was added.
    /// </summary>
    /// <param name="lastDailyReadOn">The UTC day of the last successful daily read, if any.</param>
    /// <param name="addedOn">The UTC day the repository was added.</param>
    /// <param name="today">Today (UTC).</param>
    /// <param name="atRiskAfterDays">The at-risk threshold in days (1 to 13).</param>
    /// <returns>The horizon.</returns>
    public static CollectionHorizon Compute(DateOnly? lastDailyReadOn, DateOnly addedOn, DateOnly today, int atRiskAfterDays)
    {
        var since = today.DayNumber - (lastDailyReadOn ?? addedOn).DayNumber;
        var days = Math.Max(0, since);
        var state = days >= GitHubWindowDays ? HorizonState.LosingDays
            : days >= atRiskAfterDays ? HorizonState.AtRisk
            : HorizonState.Fine;
        return new CollectionHorizon(lastDailyReadOn, state, days);
    }

    /// <summary>Computes a tracked repository's horizon; see <see cref="Compute(DateOnly?, DateOnly, DateOnly, int)"/>.</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="today">Today (UTC).</param>
    /// <param name="atRiskAfterDays">The at-risk threshold in days (1 to 13).</param>
    /// <returns>The horizon.</returns>
    public static CollectionHorizon Of(TrackedRepository repository, DateOnly today, int atRiskAfterDays)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return Compute(repository.LastDailyReadOn, DateOnly.FromDateTime(repository.AddedAt.UtcDateTime), today, atRiskAfterDays);
    }
}
