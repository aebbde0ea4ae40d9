namespace GhStats.Domain;

/// <summary>A published release of a tracked repository, as last read from GitHub (drafts are never stored).</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="GitHubReleaseId">GitHub's id of the release.</param>
/// <param name="Tag">The release's tag.</param>
/// <param name="Name">The release's title; the tag when GitHub's name is empty.</param>
/// <param name="PublishedOn">The UTC day GitHub published it.</param>
/// <param name="Prerelease">Whether GitHub marks it as a pre-release.</param>
public sealed record RepositoryRelease(long RepositoryId, long GitHubReleaseId, string Tag, string Name, DateOnly PublishedOn, bool Prerelease);
