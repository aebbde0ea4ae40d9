namespace GhStats.Domain;

/// <summary>One repository's traffic on one UTC day, as GitHub's per=day figures give it.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Views">Page views.</param>
/// <param name="UniqueViews">Unique visitors that day.</param>
/// <param name="Clones">Clones.</param>
/// <param name="UniqueClones">Unique cloners that day.</param>
public sealed record TrafficDay(long RepositoryId, DateOnly Day, int Views, int UniqueViews, int Clones, int UniqueClones);
