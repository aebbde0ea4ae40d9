namespace GhStats.Web.Api.Contracts;

/// <summary>Totals of a range. Unique visitors cannot be summed, so the peak daily count is given: a lower bound.</summary>
internal sealed record TrafficTotalsResponse(long Views, long Clones, long PeakDailyUniqueViews, long PeakDailyUniqueClones, int DaysWithData);
