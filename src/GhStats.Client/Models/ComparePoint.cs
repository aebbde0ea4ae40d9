namespace GhStats.Client.Models;

/// <summary>One period of a compared repository.</summary>
/// <param name="Date">The day, the Monday of the week, or the first day of the month.</param>
/// <param name="Coverage"><c>complete</c>, <c>partial</c> or <c>notCollected</c>.</param>
/// <param name="Days">Days in the period.</param>
/// <param name="KnownDays">Days of it that are known.</param>
/// <param name="PartialDays">Known days that were cut short.</param>
/// <param name="Value">The value; null where not known (never a zero for "not collected").</param>
/// <param name="Normalised">The value divided by the baseline; null where either is unknown or the baseline is 0.</param>
public sealed record ComparePoint(DateOnly Date, string Coverage, int Days, int KnownDays, int PartialDays, long? Value, double? Normalised);
