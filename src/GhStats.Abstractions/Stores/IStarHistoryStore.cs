using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// Star history backfilled from GitHub's stargazers list, and each repository's backfill state. Each write is one
/// transaction, so a run stopped between pages resumes at the page after the last one stored.
/// </summary>
public interface IStarHistoryStore
{
    /// <summary>Reads a repository's backfill state, for the collector (not scoped to a tenant).</summary>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state; null when no page was stored yet.</returns>
    Task<StarBackfill?> GetBackfillAsync(long repositoryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one page in one transaction: its days (the larger count wins per day, so a page read twice changes nothing),
    /// and the state: in progress with the next page, or complete when GitHub named none.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <returns>The state after the page.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task<StarBackfill> StorePageAsync(StarBackfillPage page, CancellationToken cancellationToken = default);

    /// <summary>Marks the backfill as limited: GitHub refused the rest of the list. What was stored stays; nothing more is read.</summary>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="reason">What GitHub answered, for the UI and the API.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The state after the change.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task<StarBackfill> MarkLimitedAsync(long repositoryId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Reads a repository's backfilled star history before tracking, over a range, one entry a day.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The history.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<StarHistory> GetStarHistoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Reads the star history days stored for a repository over a range, oldest first: the rows as stored (no day filled in), for an export.</summary>
    /// <param name="tenantId">The tenant the caller reads in.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored days.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository is not in the tenant.</exception>
    Task<IReadOnlyList<StarHistoryDay>> GetStarDaysAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges star history days (a restore's), in one transaction: the larger count wins per day, so merging twice changes
    /// nothing; the backfill state is left as it is.
    /// </summary>
    /// <param name="days">The days; any number of repositories.</param>
    /// <param name="cancellationToken">Cancels the merge; nothing is written then.</param>
    /// <returns>A task that completes once the days are stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When a repository does not exist.</exception>
    Task MergeStarDaysAsync(IReadOnlyCollection<StarHistoryDay> days, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a backfill state brought back from an archive, unless the repository has one: a stored state (its own
    /// backfill's) is kept as it is. The state is stored as given, <see cref="StarBackfill.UpdatedAt"/> included.
    /// </summary>
    /// <param name="backfill">The state; not <see cref="StarBackfillState.NotStarted"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when it was stored; false when the repository had a state, which stays.</returns>
    /// <exception cref="GhStatsNotFoundException">When the repository does not exist.</exception>
    Task<bool> RestoreBackfillAsync(StarBackfill backfill, CancellationToken cancellationToken = default);
}
