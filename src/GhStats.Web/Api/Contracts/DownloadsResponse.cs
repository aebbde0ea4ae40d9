namespace GhStats.Web.Api.Contracts;

/// <summary>
/// Daily release downloads over a range: one point per day; <c>downloads</c> is null on a day the releases were not read
/// (unknown, not zero), and <c>days</c> says how many days a read's figure spans after days without one.
/// </summary>
internal sealed record DownloadsResponse(
    long RepoId, DateOnly From, DateOnly To, DateOnly? LastReadOn, long TotalDownloads, long DownloadsInRange, int ReadDays,
    IReadOnlyList<DownloadPointResponse> Points, IReadOnlyList<ReleaseResponse> Releases);
