namespace GhStats.Domain;

/// <summary>A day a repository's releases were read (a day without one is "not read", never zero downloads).</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="ReadOn">The UTC day.</param>
/// <param name="Releases">How many published releases the read listed.</param>
public sealed record ReleaseReadDay(long RepositoryId, DateOnly ReadOn, int Releases);
