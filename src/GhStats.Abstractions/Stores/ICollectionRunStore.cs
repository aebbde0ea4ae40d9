using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>The collection log: runs, their progress and the repositories that failed.</summary>
public interface ICollectionRunStore
{
    /// <summary>Records the start of a run.</summary>
    /// <param name="trigger">What started it.</param>
    /// <param name="requestedBy">Who asked.</param>
    /// <param name="tenantId">The one tenant it covers, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, with status <see cref="CollectionRunStatus.Running"/>.</returns>
    Task<CollectionRun> StartAsync(CollectionTrigger trigger, string? requestedBy, long? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks a worker process for a run: records a run with status <see cref="CollectionRunStatus.Queued"/>, unless a run is
    /// already queued or running, which is then returned instead (two triggers at once yield one run).
    /// </summary>
    /// <param name="trigger">What asks.</param>
    /// <param name="requestedBy">Who asks.</param>
    /// <param name="tenantId">The one tenant it covers, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The queued run, or the run already queued or running.</returns>
    Task<CollectionRun> QueueAsync(CollectionTrigger trigger, string? requestedBy, long? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the queued runs, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs waiting for a worker.</returns>
    Task<IReadOnlyList<CollectionRun>> ListQueuedAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a queued run: its status becomes <see cref="CollectionRunStatus.Running"/> and its start time now.</summary>
    /// <param name="runId">The queued run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The running run, or null when the run is not (or no longer) queued, e.g. another worker started it.</returns>
    Task<CollectionRun?> StartQueuedAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Writes a running run's counters.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="progress">The counters now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the run does not exist.</exception>
    Task UpdateProgressAsync(long runId, CollectionProgress progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the end of a run. A run that has finished already is left as it is: of two processes that finish the same
    /// run (say, two replicas completing its last two lanes at once), the first finish stands and both get it back.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="status">How it ended; not <see cref="CollectionRunStatus.Running"/>.</param>
    /// <param name="progress">The final counters; not written when the run has finished already.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished run, as the first finish left it.</returns>
    /// <exception cref="GhStatsNotFoundException">When the run does not exist.</exception>
    Task<CollectionRun> FinishAsync(long runId, CollectionRunStatus status, CollectionProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Records a repository that failed in a run.</summary>
    /// <param name="collectionError">The error; messages longer than <see cref="FieldLimits.ErrorMessage"/> are cut.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the run does not exist.</exception>
    Task AddErrorAsync(CollectionError collectionError, CancellationToken cancellationToken = default);

    /// <summary>Reads a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, or null.</returns>
    Task<CollectionRun?> FindAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Lists the latest runs, newest first.</summary>
    /// <param name="limit">At most this many (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<CollectionRun>> ListAsync(int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Lists the runs still marked running, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<CollectionRun>> ListRunningAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists a run's errors in the order they happened.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The errors.</returns>
    Task<IReadOnlyList<CollectionError>> ListErrorsAsync(long runId, CancellationToken cancellationToken = default);
}
