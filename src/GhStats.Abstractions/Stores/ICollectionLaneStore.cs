using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// The lanes of collection runs, claimed one at a time by collector processes that share the database: a lane's claim is a
/// lease, renewed while its holder works and taken over by another process once it lapses, so several replicas collect a
/// run's lanes side by side and a replica that dies hands its lane on.
/// </summary>
public interface ICollectionLaneStore
{
    /// <summary>Adds a run's lanes as pending; a lane the run already has (same key) is left as it is.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="lanes">Its lanes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the run does not exist.</exception>
    Task AddAsync(long runId, IReadOnlyCollection<CollectionLanePlan> lanes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims one lane of the run that is pending, or running under a claim that has lapsed, for <paramref name="holder"/>;
    /// two callers never get the same lane. Pending lanes go first, the one with the fewest repositories done (collected,
    /// failed or deferred) first, then in key order: a lane handed back (<see cref="HandBackAsync"/>) waits behind the
    /// lanes that have done less.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="holder">The claiming process.</param>
    /// <param name="duration">How long the claim lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed lane, with the progress earlier holders recorded; null when none is free.</returns>
    Task<CollectionLaneState?> ClaimAsync(long runId, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a claim its holder still holds.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="key">The lane.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="duration">How long from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the claim lapsed and another process took the lane, or the lane is done.</returns>
    Task<bool> RenewAsync(long runId, string key, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Records a held lane's progress.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="key">The lane.</param>
    /// <param name="holder">The holder; progress from a process that lost the lane is not written.</param>
    /// <param name="progress">The lane's counters now (not an increment); a reason longer than <see cref="FieldLimits.CollectionLaneDeferredBecause"/> is cut.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when <paramref name="holder"/> no longer holds the lane.</returns>
    Task<bool> UpdateProgressAsync(long runId, string key, string holder, CollectionLaneProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Marks a held lane done with its final counters.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="key">The lane.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="progress">The lane's final counters; a reason longer than <see cref="FieldLimits.CollectionLaneDeferredBecause"/> is cut.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when <paramref name="holder"/> no longer holds the lane (nothing is written).</returns>
    Task<bool> CompleteAsync(long runId, string key, string holder, CollectionLaneProgress progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands a held lane back unfinished, with its counters: it is pending again, for any process to claim (this one
    /// included), and the holder's claim ends now.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="key">The lane.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="progress">The lane's counters now; a reason longer than <see cref="FieldLimits.CollectionLaneDeferredBecause"/> is cut.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when <paramref name="holder"/> no longer holds the lane (nothing is written).</returns>
    Task<bool> HandBackAsync(long runId, string key, string holder, CollectionLaneProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Lists a run's lanes, in key order.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lanes; empty for a run without any.</returns>
    Task<IReadOnlyList<CollectionLaneState>> ListAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>The most recently finished lane of each of a tenant's connections: the budget each was last seen to have.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One lane per connection (and one for lanes without a connection), newest first.</returns>
    Task<IReadOnlyList<CollectionLaneState>> ListLatestDoneAsync(long tenantId, CancellationToken cancellationToken = default);
}
