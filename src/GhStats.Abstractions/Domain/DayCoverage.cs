namespace GhStats.Domain;

/// <summary>
/// What GhStats knows about one repository's traffic on one UTC day. The values are ordered: coverage of a day only
/// ever improves (a later read never lowers it), as the maximum rule does for the counts.
/// </summary>
public enum DayCoverage
{
    /// <summary>No successful read covered the day: its counts are unknown, never zero.</summary>
    NotCollected = 0,

    /// <summary>A read covered the day while it was cut short (the window's current or oldest day): a lower bound.</summary>
    Partial = 1,

    /// <summary>A read covered the whole day (zero where GitHub omitted it).</summary>
    Complete = 2,
}
