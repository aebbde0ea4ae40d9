namespace GhStats.Domain;

/// <summary>A release as one read found it.</summary>
/// <param name="GitHubReleaseId">GitHub's id of the release.</param>
/// <param name="Tag">The release's tag.</param>
/// <param name="Name">The release's title; an empty one is stored as the tag.</param>
/// <param name="PublishedOn">The UTC day GitHub published it.</param>
/// <param name="Prerelease">Whether GitHub marks it as a pre-release.</param>
/// <param name="Assets">Its uploaded assets.</param>
public sealed record ReleaseReading(long GitHubReleaseId, string Tag, string Name, DateOnly PublishedOn, bool Prerelease, IReadOnlyList<AssetReading> Assets);
