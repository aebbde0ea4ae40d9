using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// Traffic, snapshots and counters of tracked repositories. Merges are idempotent: traffic keeps the maximum of
/// each field per (repository, day), so overlapping 14-day windows and re-runs change nothing. Each merge call is
/// one transaction: bad input (negative counts, unknown repositories, over-long names) fails the whole call with a
/// clear exception and writes nothing. Reads are scoped to a tenant: another tenant's repository is not found.
/// </summary>
public interface ITrafficStore
{
    /// <summary>Merges daily traffic, keeping the larger value of each field per (repository, day).</summary>
    /// <param name="days">The days; any number of repositories.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the days are stored.</returns>
    Task MergeTrafficDaysAsync(IReadOnlyCollection<TrafficDay> days, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges what one successful read of a repository's daily views and clones proves, in one transaction: the days it
    /// held (maximum of each field), zeros for the window's days it omitted, each day's coverage (which only improves)
    /// and the repository's last daily read (which only moves forward).
    /// </summary>
    /// <param name="window">The window read.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the window is stored.</returns>
    Task MergeTrafficWindowAsync(TrafficWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges one repository's imported history in one transaction: each day keeps the larger value of each field and
    /// the better coverage (as collection does, so an import never lowers what is stored and a second import changes
    /// nothing); snapshots are stored like collected ones. Bad input fails the whole call and writes nothing.
    /// </summary>
    /// <param name="history">The repository's days and snapshots.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the history is stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task MergeImportedHistoryAsync(ImportedHistory history, CancellationToken cancellationToken = default);

    /// <summary>Merges GitHub's weekly figures, keeping the larger value of each field per (repository, week).</summary>
    /// <param name="weeks">The weeks; each must start on a Monday.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the weeks are stored.</returns>
    Task MergeTrafficWeeksAsync(IReadOnlyCollection<TrafficWeek> weeks, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository's stored weekly figures (GitHub's per=week) whose week starts in a range, oldest first: the rows as stored, for an export.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The week starts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The weeks GitHub's figures were stored for (weeks without are not listed).</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<TrafficWeek>> GetTrafficWeeksAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Stores referrer snapshots; a second capture on the same day replaces that day's figures. Trailing blanks of a referrer are dropped.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the snapshots are stored.</returns>
    Task MergeReferrerSnapshotsAsync(IReadOnlyCollection<ReferrerSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>Stores popular-path snapshots; a second capture on the same day replaces that day's figures. Trailing blanks of a path are dropped.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the snapshots are stored.</returns>
    Task MergePathSnapshotsAsync(IReadOnlyCollection<PathSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>Stores repository counters; a second reading on the same day replaces that day's.</summary>
    /// <param name="stats">The counters.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the counters are stored.</returns>
    Task MergeRepositoryStatsAsync(IReadOnlyCollection<RepositoryDailyStats> stats, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a repository's traffic per day, week (Monday first) or month, aggregated by the database: one point for
    /// every period of the range, with how many of its days are known and partial.
    /// </summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days; for weeks and months widened to whole periods.</param>
    /// <param name="per">The bucket size.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The series.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<TrafficSeries> GetTrafficSeriesAsync(long tenantId, long repositoryId, DateRange range, TrafficPeriod per, CancellationToken cancellationToken = default);

    /// <summary>Reads one row per tracked repository of a tenant with its totals (and known and partial days) for a range.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="range">The days.</param>
    /// <param name="repositoryIds">Only these repositories (a caller with single-repository grants), or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, ordered by owner and name.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    Task<IReadOnlyList<RepositorySummary>> GetTenantSummaryAsync(long tenantId, DateRange range, IReadOnlyCollection<long>? repositoryIds = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the daily traffic of a tenant's tracked repositories over a range with one query, streamed as the caller
    /// asks for it (a whole tenant's history need not fit in memory): ordered as <see cref="IRepositoryStore.ListAsync"/>
    /// orders repositories (owner, then name), each repository's days oldest first. Every day of the range is there for
    /// each repository, with its coverage; the counts of a day not collected are zero and mean nothing.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="range">The days.</param>
    /// <param name="repositoryIds">Only these repositories (a caller with single-repository grants), or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The days; the connection stays open until the enumeration ends.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist (on the first read).</exception>
    IAsyncEnumerable<CoveredTrafficDay> StreamTenantTrafficDaysAsync(long tenantId, DateRange range, IReadOnlyCollection<long>? repositoryIds = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the referrer snapshots captured in a range, oldest first, then by views descending.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The capture days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<ReferrerSnapshot>> GetReferrerHistoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads the popular-path snapshots captured in a range, oldest first, then by views descending.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The capture days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<PathSnapshot>> GetPathHistoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository's counters over a range, oldest first.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counters per day read.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<RepositoryDailyStats>> GetRepositoryStatsAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);
}
