namespace GhStats.Client.Models;

/// <summary>Totals of a range. Unique visitors cannot be summed, so the peak daily count is given: a lower bound.</summary>
/// <param name="Views">Page views in the range.</param>
/// <param name="Clones">Clones in the range.</param>
/// <param name="PeakDailyUniqueViews">The largest daily unique visitor count in the range.</param>
/// <param name="PeakDailyUniqueClones">The largest daily unique cloner count in the range.</param>
/// <param name="DaysWithData">Days of the range that have traffic stored.</param>
/// <param name="Days">Days in the range.</param>
/// <param name="KnownDays">Days a read covered, complete or partial; views and clones sum these.</param>
/// <param name="PartialDays">Days covered only while cut short.</param>
public sealed record TrafficTotals(long Views, long Clones, long PeakDailyUniqueViews, long PeakDailyUniqueClones, int DaysWithData, int Days = 0, int KnownDays = 0, int PartialDays = 0);
