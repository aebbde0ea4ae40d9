using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// Releases of tracked repositories and dated snapshots of their assets' download counts, one per (repository, asset,
/// day), from which daily downloads are derived. Reads are scoped to a tenant: another tenant's repository is not found.
/// </summary>
/// <remarks>
/// How a day's downloads are derived from the snapshots of each asset: the difference from the asset's previous snapshot,
/// never negative (a count that went down, as when an asset is re-uploaded under the same id, counts 0 and becomes the new
/// baseline). An asset's first snapshot counts its whole count when the asset was uploaded, or its release published, on
/// or after the repository's previous read day (those downloads happened since); otherwise, and at a repository's first
/// read, it is the baseline: downloads from before tracking, in the totals but on no day. An asset that disappears
/// stops contributing; what it counted stays in the history.
/// </remarks>
public interface IReleaseStore
{
    /// <summary>
    /// Stores one read of a repository's releases in one transaction: the releases (tag, name, publication, pre-release
    /// replaced by the newest read), each asset's download count for the read's day (a second read on the same day keeps
    /// the larger count) and the read day itself, which tells the days read from the days not read.
    /// </summary>
    /// <param name="read">The read.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the read is stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task MergeReleaseReadAsync(ReleaseRead read, CancellationToken cancellationToken = default);

    /// <summary>The last day a repository's releases were read (the collector reads them once a day).</summary>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The day, or null when never.</returns>
    Task<DateOnly?> GetLastReleaseReadAsync(long repositoryId, CancellationToken cancellationToken = default);

    /// <summary>Lists a repository's releases published in a range, oldest first (e.g. for chart markers).</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The publication days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The releases, by publication day then GitHub id.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<RepositoryRelease>> ListReleasesAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository's daily release downloads over a range (increments, never negative; days not read stay null) and each release's totals.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The downloads.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<ReleaseDownloads> GetDailyDownloadsAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository's stored releases published in a range, each with its last read day, by publication day then GitHub id: the rows as stored, for an export.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The publication days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The releases.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<StoredRelease>> GetStoredReleasesAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository's asset download snapshots captured in a range, by capture day then GitHub asset id: the rows as stored, for an export.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The capture (read) days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<ReleaseAssetSnapshot>> GetAssetSnapshotsAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads the days of a range a repository's releases were read, oldest first.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The read days.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<ReleaseReadDay>> GetReleaseReadDaysAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges a repository's release history (a restore's) in one transaction, never lowering or replacing what is stored,
    /// so merging twice changes nothing: a release already stored keeps its tag, name, publication and pre-release flag and
    /// takes the later last read day; an asset's snapshot of a day already stored keeps its name, release and upload day
    /// and takes the larger download count (as a second read that day would); a read day already stored takes the larger
    /// release count. Rows not stored are added. Bad input fails the whole call and writes nothing.
    /// </summary>
    /// <param name="history">The repository's releases, snapshots and read days.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the history is stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task MergeReleaseHistoryAsync(ReleaseHistory history, CancellationToken cancellationToken = default);
}
