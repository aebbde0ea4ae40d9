namespace GhStats.Client.Models;

/// <summary>A repository's daily release downloads over a range.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="LastReadOn">The last day its releases were read; null when never.</param>
/// <param name="TotalDownloads">The downloads of the releases the last read listed ("since tracking").</param>
/// <param name="DownloadsInRange">The downloads counted on the read days of the range.</param>
/// <param name="ReadDays">How many days of the range had a read.</param>
/// <param name="Points">One point per day.</param>
/// <param name="Releases">Every release with its totals.</param>
public sealed record DownloadHistory(
    long RepoId, DateOnly From, DateOnly To, DateOnly? LastReadOn, long TotalDownloads, long DownloadsInRange, int ReadDays,
    IReadOnlyList<DownloadPoint> Points, IReadOnlyList<ReleaseDownloads> Releases);
