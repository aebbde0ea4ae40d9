namespace GhStats.Domain;

/// <summary>Where a collection plan's runs per day come from.</summary>
public enum RunsPerDaySource
{
    /// <summary>The in-process schedule's occurrences over the next 24 hours.</summary>
    Schedule,

    /// <summary>The runs started in the last 24 hours (an external scheduler, the cron endpoint, people).</summary>
    RecentRuns,

    /// <summary>Nothing to go by: one run a day is assumed.</summary>
    Assumed,
}
