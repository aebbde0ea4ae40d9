namespace GhStats.Client.Models;

/// <summary>A day's release downloads.</summary>
/// <param name="Date">The UTC day.</param>
/// <param name="Read">Whether the releases were read that day.</param>
/// <param name="Downloads">The downloads since the previous read; null when not read (unknown, not zero).</param>
/// <param name="Days">How many days the figure spans (more than 1 after days without a read).</param>
/// <param name="Releases">The day's downloads per release.</param>
public sealed record DownloadPoint(DateOnly Date, bool Read, long? Downloads, int Days, IReadOnlyList<ReleaseDayDownloads> Releases);
