namespace GhStats.Client.Models;

/// <summary>The values of <see cref="CollectionPlan.RunsPerDaySource"/>.</summary>
public static class RunsPerDaySources
{
    /// <summary>The server's in-process schedule, its occurrences over the next 24 hours.</summary>
    public const string Schedule = "schedule";

    /// <summary>The runs started in the last 24 hours.</summary>
    public const string RecentRuns = "recentRuns";

    /// <summary>Nothing to go by: one run a day assumed.</summary>
    public const string Assumed = "assumed";
}
