using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// Transfer jobs (imports and restores) with their progress and reports, so that any replica can show a job another
/// replica runs.
/// </summary>
public interface ITransferJobStore
{
    /// <summary>Records a job, <see cref="TransferJobState.Queued"/>.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored job.</returns>
    Task<TransferJob> CreateAsync(NewTransferJob job, CancellationToken cancellationToken = default);

    /// <summary>Reads a job.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, or null.</returns>
    Task<TransferJob?> GetAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's jobs (or, with null, the installation archives' jobs), newest first, without their reports.</summary>
    /// <param name="tenantId">The tenant, or null for the jobs of no tenant.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs; <see cref="TransferJob.Report"/> is null in each.</returns>
    Task<IReadOnlyList<TransferJob>> ListAsync(long? tenantId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Starts a queued job: <see cref="TransferJobState.Running"/>, started and heartbeat now.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The running job, or null when it is not (or no longer) queued.</returns>
    Task<TransferJob?> StartAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Writes a running job's progress; the heartbeat becomes now.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="progress">How far it is.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the job is still running (false: another replica marked it failed, stop).</returns>
    Task<bool> ReportProgressAsync(long jobId, TransferJobProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Ends a running or queued job.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="state"><see cref="TransferJobState.Succeeded"/> or <see cref="TransferJobState.Failed"/>.</param>
    /// <param name="report">The report (JSON), or null.</param>
    /// <param name="failure">Why it failed, or null; longer than <see cref="FieldLimits.ErrorMessage"/> is cut.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished job.</returns>
    /// <exception cref="GhStatsNotFoundException">When the job does not exist.</exception>
    Task<TransferJob> FinishAsync(long jobId, TransferJobState state, string? report, string? failure, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fails the running jobs whose heartbeat is older than <paramref name="heartbeatBefore"/> and the queued jobs created
    /// before it: the process running them stopped.
    /// </summary>
    /// <param name="heartbeatBefore">The oldest heartbeat that still counts as alive.</param>
    /// <param name="failure">The error to record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many jobs were failed.</returns>
    Task<int> FailStaleAsync(DateTimeOffset heartbeatBefore, string failure, CancellationToken cancellationToken = default);
}
