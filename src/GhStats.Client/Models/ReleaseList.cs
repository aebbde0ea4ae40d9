namespace GhStats.Client.Models;

/// <summary>A repository's releases, newest published first, with their downloads as last read.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="LastReadOn">The last day its releases were read; null when never.</param>
/// <param name="TotalDownloads">The downloads of the releases the last read listed.</param>
/// <param name="Releases">The releases.</param>
public sealed record ReleaseList(long RepoId, DateOnly? LastReadOn, long TotalDownloads, IReadOnlyList<ReleaseDownloads> Releases);
