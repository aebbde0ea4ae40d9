namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's data-loss horizon: "fine", "atRisk" or "losingDays", the day of its last successful daily read, and the days since.</summary>
internal sealed record HorizonResponse(string State, DateOnly? LastDailyReadOn, int DaysSinceRead);
