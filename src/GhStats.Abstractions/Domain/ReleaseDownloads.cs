namespace GhStats.Domain;

/// <summary>A repository's release downloads over a range: one <see cref="DownloadDay"/> for every day, and each release's totals.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="Range">The days.</param>
/// <param name="LastReadOn">The last day the releases were read, or null when never.</param>
/// <param name="TotalDownloads">The sum of the download counts of the releases the last read listed ("since tracking" is this figure).</param>
/// <param name="DownloadsInRange">The downloads counted on the read days of the range.</param>
/// <param name="ReadDays">How many days of the range had a read.</param>
/// <param name="Days">Every day of the range, oldest first.</param>
/// <param name="Releases">Every release ever read, newest published first.</param>
public sealed record ReleaseDownloads(
    long RepositoryId,
    DateRange Range,
    DateOnly? LastReadOn,
    long TotalDownloads,
    long DownloadsInRange,
    int ReadDays,
    IReadOnlyList<DownloadDay> Days,
    IReadOnlyList<ReleaseDownloadTotals> Releases);
