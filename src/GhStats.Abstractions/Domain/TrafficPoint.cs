namespace GhStats.Domain;

/// <summary>
/// One point of a traffic series. Views and clones are sums of stored days. Unique counts are GitHub's own figures
/// for the point's period (daily for days, weekly for weeks) and null where GitHub gives none (months, or weeks
/// collected without weekly figures): daily uniques are never summed.
/// </summary>
/// <param name="Date">The day, the Monday of the week, or the first day of the month.</param>
/// <param name="Views">Page views.</param>
/// <param name="UniqueViews">Unique visitors, or null when GitHub has no figure for this period.</param>
/// <param name="Clones">Clones.</param>
/// <param name="UniqueClones">Unique cloners, or null when GitHub has no figure for this period.</param>
public sealed record TrafficPoint(DateOnly Date, long Views, long? UniqueViews, long Clones, long? UniqueClones);
