namespace GhStats.Storage;

/// <summary>Settings of GhStats' health checks, bound from <c>GhStats:Health</c>.</summary>
public sealed class GhStatsHealthOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Health";

    /// <summary>
    /// How old the last collection that stored anything may be before the <c>ghstats.collection</c> check reports
    /// Degraded. Default 2 days: a daily schedule with a day to spare, well inside GitHub's 14-day window.
    /// </summary>
    public TimeSpan CollectionMaxAge { get; set; } = TimeSpan.FromDays(2);
}
