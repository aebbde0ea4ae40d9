namespace GhStats.Domain;

/// <summary>
/// A day of a repository's release downloads: the downloads counted since the previous read (never negative), in total
/// and per release. A day without a read is not zero: its <see cref="Downloads"/> is null, and the next read day's
/// figure covers it (<see cref="Days"/> says how many days that figure spans).
/// </summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Downloads">The downloads counted on this day's read, or null when the releases were not read that day.</param>
/// <param name="Days">How many days the figure spans: 1 after a read the day before; more after days without a read; 0 when not read.</param>
/// <param name="Releases">The day's downloads per release (releases with none left out).</param>
public sealed record DownloadDay(DateOnly Day, long? Downloads, int Days, IReadOnlyList<ReleaseDayDownloads> Releases)
{
    /// <summary>Whether the releases were read on this day.</summary>
    public bool Read => Downloads is not null;
}
