namespace GhStats.Domain;

/// <summary>A release asset's download count as stored for one read day: the raw row daily downloads are derived from.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="GitHubAssetId">GitHub's id of the asset.</param>
/// <param name="CapturedOn">The UTC day of the read.</param>
/// <param name="GitHubReleaseId">GitHub's id of the release the asset belongs to.</param>
/// <param name="Name">The file name.</param>
/// <param name="CreatedOn">The UTC day GitHub says it was uploaded.</param>
/// <param name="DownloadCount">GitHub's download count of the asset on that read.</param>
public sealed record ReleaseAssetSnapshot(long RepositoryId, long GitHubAssetId, DateOnly CapturedOn, long GitHubReleaseId, string Name, DateOnly CreatedOn, long DownloadCount);
