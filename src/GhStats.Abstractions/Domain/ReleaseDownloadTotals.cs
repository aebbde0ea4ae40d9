namespace GhStats.Domain;

/// <summary>A release with its downloads: all of them as last read, and those counted in a range.</summary>
/// <param name="Release">The release.</param>
/// <param name="TotalDownloads">The sum of its assets' download counts at the last read that listed it.</param>
/// <param name="DownloadsInRange">The downloads counted on the read days of the range.</param>
/// <param name="Listed">Whether the repository's last read still listed it (false: deleted on GitHub since; its history stays).</param>
public sealed record ReleaseDownloadTotals(RepositoryRelease Release, long TotalDownloads, long DownloadsInRange, bool Listed);
