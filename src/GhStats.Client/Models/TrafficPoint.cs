namespace GhStats.Client.Models;

/// <summary>
/// One day, week or month of traffic; a series has one for every period of its range. Counts are null where nothing of
/// the period was collected: unknown, never zero.
/// </summary>
/// <param name="Date">The period's first day.</param>
/// <param name="Views">Page views of the known days; null when none is known.</param>
/// <param name="UniqueViews">Unique visitors: GitHub's own figure for days and weeks; null where GitHub gives none (months) or nothing is known.</param>
/// <param name="Clones">Clones of the known days; null when none is known.</param>
/// <param name="UniqueClones">Unique cloners, as <see cref="UniqueViews"/>.</param>
/// <param name="Coverage">Days only: <c>complete</c>, <c>partial</c> (cut short: a lower bound) or <c>notCollected</c> (see <see cref="DayCoverage"/>).</param>
/// <param name="Days">Weeks and months only: the period's days.</param>
/// <param name="KnownDays">Weeks and months only: days a read covered, complete or partial.</param>
/// <param name="PartialDays">Weeks and months only: days covered only while cut short.</param>
public sealed record TrafficPoint(
    DateOnly Date,
    long? Views,
    long? UniqueViews,
    long? Clones,
    long? UniqueClones,
    string? Coverage = null,
    int? Days = null,
    int? KnownDays = null,
    int? PartialDays = null);
