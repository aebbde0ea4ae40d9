namespace GhStats.Domain;

/// <summary>A release's downloads counted on one day's read.</summary>
/// <param name="GitHubReleaseId">GitHub's id of the release.</param>
/// <param name="Downloads">Downloads since the previous read, never negative.</param>
public sealed record ReleaseDayDownloads(long GitHubReleaseId, long Downloads);
