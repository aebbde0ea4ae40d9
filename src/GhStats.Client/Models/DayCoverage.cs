namespace GhStats.Client.Models;

/// <summary>The values of <see cref="TrafficPoint.Coverage"/>.</summary>
public static class DayCoverage
{
    /// <summary>A read covered the whole day (zero where GitHub left it out).</summary>
    public const string Complete = "complete";

    /// <summary>A read covered the day while it was cut short (the window's current or oldest day): a lower bound.</summary>
    public const string Partial = "partial";

    /// <summary>No read covered the day: its counts are unknown.</summary>
    public const string NotCollected = "notCollected";
}
