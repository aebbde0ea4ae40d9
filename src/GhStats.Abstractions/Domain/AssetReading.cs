namespace GhStats.Domain;

/// <summary>A release asset's download count as one read found it.</summary>
/// <param name="GitHubAssetId">GitHub's id of the asset (a re-uploaded file gets a new one).</param>
/// <param name="Name">The file name.</param>
/// <param name="CreatedOn">The UTC day GitHub says it was uploaded.</param>
/// <param name="DownloadCount">GitHub's download count of the asset since its upload.</param>
public sealed record AssetReading(long GitHubAssetId, string Name, DateOnly CreatedOn, long DownloadCount);
