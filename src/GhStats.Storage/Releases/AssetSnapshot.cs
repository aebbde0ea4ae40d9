namespace GhStats.Storage.Releases;

/// <summary>One stored download count of an asset.</summary>
internal sealed record AssetSnapshot(long AssetId, long ReleaseId, DateOnly CapturedOn, DateOnly CreatedOn, long DownloadCount);
