namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The period of the same length just before a range, and the change against it. <c>state</c> is "comparable" (every
/// day of both periods known), "previousIncomplete" or "currentIncomplete"; the changes are percentages, null unless
/// comparable, and null from a previous total of 0.
/// </summary>
internal sealed record PreviousPeriodResponse(
    DateOnly From, DateOnly To, long Views, long Clones, int Days, int KnownDays, int PartialDays, string State, double? ViewsChange, double? ClonesChange);
