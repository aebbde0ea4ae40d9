namespace GhStats.Domain;

/// <summary>One successful read of a repository's published releases and their assets' download counts.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="ReadOn">The UTC day of the read.</param>
/// <param name="Releases">Every published release GitHub listed (drafts left out), each with its assets.</param>
public sealed record ReleaseRead(long RepositoryId, DateOnly ReadOn, IReadOnlyList<ReleaseReading> Releases);
