namespace GhStats.Domain;

/// <summary>
/// A repository's stars at the end of a UTC day as GitHub's stargazers list proves them: the current stargazers who had
/// starred by then. People who starred and later unstarred are not in the list, so this is a lower bound.
/// </summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Stars">Stars at the end of the day.</param>
public sealed record StarHistoryDay(long RepositoryId, DateOnly Day, int Stars);
