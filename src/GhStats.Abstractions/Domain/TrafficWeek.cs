namespace GhStats.Domain;

/// <summary>
/// One repository's traffic in one week, as GitHub's per=week figures give it. These are the only true weekly
/// unique counts: daily uniques never add up to them.
/// </summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="WeekStart">The Monday that starts the week (UTC), as GitHub's weeks do.</param>
/// <param name="Views">Page views in the week.</param>
/// <param name="UniqueViews">Unique visitors in the week.</param>
/// <param name="Clones">Clones in the week.</param>
/// <param name="UniqueClones">Unique cloners in the week.</param>
public sealed record TrafficWeek(long RepositoryId, DateOnly WeekStart, int Views, int UniqueViews, int Clones, int UniqueClones);
