namespace GhStats.Client.Models;

/// <summary>A release's downloads on one day.</summary>
/// <param name="Id">GitHub's id of the release.</param>
/// <param name="Downloads">The downloads.</param>
public sealed record ReleaseDayDownloads(long Id, long Downloads);
