using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Transfers;

/// <summary>
/// Transfer jobs on a relational database. Every change of state is one conditional UPDATE, so of two replicas that
/// start, end or fail the same job at once exactly one moves it.
/// </summary>
internal sealed class TransferJobStore(StoreDatabase db, TransferJobStatements sql) : ITransferJobStore
{
    /// <summary>The most jobs one listing returns.</summary>
    public const int MaxListed = 1000;

    public Task<TransferJob> CreateAsync(NewTransferJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(job.RequestedBy, nameof(job));
        if (!Enum.IsDefined(job.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(job), job.Kind, "Unknown transfer job kind.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(job.FileBytes, nameof(job));
        var source = Input.Required(job.Source, nameof(job.Source), FieldLimits.TransferSource);
        var fileName = Input.Cut(Input.Required(job.FileName, nameof(job.FileName), int.MaxValue), FieldLimits.TransferFileName)!;
        var requestedBy = Input.Required(job.RequestedBy.Name, nameof(job.RequestedBy), FieldLimits.AuditActor);
        var progress = TransferJobProgress.NotStarted;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                if (job.TenantId is { } tenantId)
                {
                    await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);
                }

                var now = db.Now;
                using var insert = db.Command(connection, transaction, sql.Insert)
                    .With("tenant_id", job.TenantId).WithEnum("kind", job.Kind).With("source", source).With("file_name", fileName)
                    .With("file_bytes", job.FileBytes).With("dry_run", job.DryRun ? 1 : 0).With("requested_by", requestedBy)
                    .WithEnum("state", TransferJobState.Queued).With("phase", progress.Phase).With("created_at", now);
                var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The database returned no id for the new transfer job.");
                return new TransferJob(
                    id, job.TenantId, job.Kind, source, fileName, job.FileBytes, job.DryRun, requestedBy, TransferJobState.Queued, progress, now, null, null, null, null, null);
            },
            cancellationToken);
    }

    public Task<TransferJob?> GetAsync(long jobId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Get).With("job_id", jobId);
                return await command.FirstOrDefaultAsync(TransferJobRows.Shape, TransferJobRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<TransferJob>> ListAsync(long? tenantId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxListed);
        return db.ReadAsync<IReadOnlyList<TransferJob>>(
            async connection =>
            {
                using var command = tenantId is { } tenant
                    ? db.Command(connection, sql.ListOfTenant(limit)).With("tenant_id", tenant)
                    : db.Command(connection, sql.ListOfNoTenant(limit));
                return await command.ListAsync(TransferJobRows.Summary, TransferJobRows.ReadSummary, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<TransferJob?> StartAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var started = await db.WriteAsync(
            async (connection, transaction) =>
            {
                var now = db.Now;
                using var command = db.Command(connection, transaction, sql.Start)
                    .WithEnum("running", TransferJobState.Running).With("started_at", now).With("heartbeat_at", now)
                    .With("job_id", jobId).WithEnum("queued", TransferJobState.Queued);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken).ConfigureAwait(false);
        return started ? await GetAsync(jobId, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task<bool> ReportProgressAsync(long jobId, TransferJobProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var phase = Input.Required(progress.Phase, nameof(progress.Phase), FieldLimits.TransferPhase);
        if (progress.Done < 0 || progress.Total < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "A transfer job's progress cannot be negative.");
        }

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.ReportProgress)
                    .With("phase", phase).With("done", progress.Done).With("total", progress.Total).With("heartbeat_at", db.Now)
                    .With("job_id", jobId).WithEnum("running", TransferJobState.Running);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public async Task<TransferJob> FinishAsync(long jobId, TransferJobState state, string? report, string? failure, CancellationToken cancellationToken = default)
    {
        if (state is not (TransferJobState.Succeeded or TransferJobState.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A transfer job finishes as Succeeded or Failed.");
        }

        var storedReport = Input.Optional(report, nameof(report), FieldLimits.TransferReport);
        var error = Input.Cut(string.IsNullOrEmpty(failure) ? null : failure, FieldLimits.ErrorMessage);

        // A job already finished (e.g. failed as stale by another replica) keeps its end: the first one counts.
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.Finish)
                    .WithEnum("state", state).With("finished_at", db.Now).With("report", storedReport).With("error", error)
                    .With("job_id", jobId).WithEnum("running", TransferJobState.Running).WithEnum("queued", TransferJobState.Queued);
                await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return await GetAsync(jobId, cancellationToken).ConfigureAwait(false) ?? throw new GhStatsNotFoundException("transfer job", jobId);
    }

    public Task<int> FailStaleAsync(DateTimeOffset heartbeatBefore, string failure, CancellationToken cancellationToken = default)
    {
        var error = Input.Cut(Input.Required(failure, nameof(failure), int.MaxValue), FieldLimits.ErrorMessage);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.FailStale)
                    .WithEnum("failed", TransferJobState.Failed).With("finished_at", db.Now).With("error", error)
                    .WithEnum("running", TransferJobState.Running).With("heartbeat_before", heartbeatBefore)
                    .WithEnum("queued", TransferJobState.Queued).With("created_before", heartbeatBefore);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
