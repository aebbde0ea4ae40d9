namespace GhStats.Notifications.Events;

/// <summary>The payload of <c>traffic.spike</c>: one repository and day whose views are well above its recent normal.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Views">Its views (so far, when <paramref name="Partial"/>).</param>
/// <param name="Baseline">The median of the repository's known daily views over the baseline days before it.</param>
/// <param name="BaselineDays">The baseline's window in days (<c>Spike:BaselineDays</c>).</param>
/// <param name="KnownBaselineDays">How many days of that window were known (at least 7).</param>
/// <param name="Factor">The configured factor (<c>Spike:Factor</c>).</param>
/// <param name="Ratio">Views divided by max(baseline, 1), rounded to one decimal.</param>
/// <param name="Partial">Whether the day was still cut short when read (today, or the window's oldest day).</param>
internal sealed record SpikePayload(
    EventRepository Repository,
    DateOnly Day,
    long Views,
    double Baseline,
    int BaselineDays,
    int KnownBaselineDays,
    double Factor,
    double Ratio,
    bool Partial);
