namespace GhStats.Web.Api.Contracts;

/// <summary>
/// Totals of a range. Unique visitors cannot be summed, so the peak daily count is given: a lower bound. Views and clones
/// sum the known days; <c>days</c> is the range's length, <c>knownDays</c> how many of them a read covered and
/// <c>partialDays</c> how many of those were cut short.
/// </summary>
internal sealed record TrafficTotalsResponse(long Views, long Clones, long PeakDailyUniqueViews, long PeakDailyUniqueClones, int DaysWithData, int Days, int KnownDays, int PartialDays);
