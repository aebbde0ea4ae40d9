using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Releases and their daily downloads, read once a day from GitHub's asset download counts.</summary>
public interface IGhStatsReleases
{
    /// <summary>A repository's releases with their downloads as last read.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The releases.</returns>
    [Get("/api/v1/repos/{id}/releases")]
    Task<ReleaseList> GetReleasesAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A repository's release downloads per day, in total and per release; days not read have no figure.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The downloads.</returns>
    [Get("/api/v1/repos/{id}/downloads")]
    Task<DownloadHistory> GetDownloadsAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>A repository's daily release downloads as CSV: repository, date, read, release, downloads, days.</summary>
    /// <param name="id">The repository's id.</param>
    /// <param name="from">The first day; null for the default range.</param>
    /// <param name="through">The last day (query parameter <c>to</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/repos/{id}/downloads.csv")]
    Task<Stream> ExportDownloadsCsvAsync(
        long id,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        CancellationToken cancellationToken = default);
}
