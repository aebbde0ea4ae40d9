namespace GhStats.Client.Models;

/// <summary>One day, week or month of traffic.</summary>
/// <param name="Date">The period's first day.</param>
/// <param name="Views">Page views.</param>
/// <param name="UniqueViews">Unique visitors: GitHub's own figure for days and weeks; null where GitHub gives none (months).</param>
/// <param name="Clones">Clones.</param>
/// <param name="UniqueClones">Unique cloners, as <see cref="UniqueViews"/>.</param>
public sealed record TrafficPoint(DateOnly Date, long Views, long? UniqueViews, long Clones, long? UniqueClones);
