namespace GhStats.Domain;

/// <summary>
/// Totals of a range. Unique visitors of a range cannot be derived from daily figures; the peak daily unique count
/// is what can honestly be said: at least that many people visited.
/// </summary>
/// <param name="Views">Page views in the range.</param>
/// <param name="Clones">Clones in the range.</param>
/// <param name="PeakDailyUniqueViews">The largest daily unique-visitor count in the range: a lower bound of the range's unique visitors.</param>
/// <param name="PeakDailyUniqueClones">The largest daily unique-cloner count in the range: a lower bound of the range's unique cloners.</param>
/// <param name="DaysWithData">How many days in the range have stored traffic.</param>
/// <param name="Days">How many days the range has.</param>
/// <param name="KnownDays">How many of them a read covered, complete or partial (views and clones sum these).</param>
/// <param name="PartialDays">How many of them were covered only while cut short.</param>
public sealed record TrafficTotals(
    long Views,
    long Clones,
    long PeakDailyUniqueViews,
    long PeakDailyUniqueClones,
    int DaysWithData,
    int Days = 0,
    int KnownDays = 0,
    int PartialDays = 0)
{
    /// <summary>Totals of an empty range.</summary>
    public static TrafficTotals Empty { get; } = new(0, 0, 0, 0, 0);
}
