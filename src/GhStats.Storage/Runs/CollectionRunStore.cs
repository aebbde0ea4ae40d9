using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Runs;

/// <summary>The collection log on a relational database.</summary>
internal sealed class CollectionRunStore(StoreDatabase db, RunStatements sql) : ICollectionRunStore
{
    public Task<CollectionRun> StartAsync(CollectionTrigger trigger, string? requestedBy, long? tenantId = null, CancellationToken cancellationToken = default) =>
        InsertAsync(trigger, requestedBy, tenantId, CollectionRunStatus.Running, cancellationToken);

    public Task<CollectionRun> QueueAsync(CollectionTrigger trigger, string? requestedBy, long? tenantId = null, CancellationToken cancellationToken = default)
    {
        var who = Input.Optional(requestedBy, nameof(requestedBy), FieldLimits.RequestedBy);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                // Two web replicas may queue at the same instant on a server database; the worker then runs twice in a row,
                // which the merge rule makes harmless. Within one write transaction a queued or running run is reused.
                using var active = db.Command(connection, transaction, sql.ListActive)
                    .WithEnum("running", CollectionRunStatus.Running).WithEnum("queued", CollectionRunStatus.Queued);
                var existing = await active.ListAsync(CollectionRunRows.Shape, CollectionRunRows.Read, cancellationToken).ConfigureAwait(false);
                return existing.Count > 0
                    ? existing[^1]
                    : await InsertAsync(connection, transaction, trigger, who, tenantId, CollectionRunStatus.Queued, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CollectionRun>> ListQueuedAsync(CancellationToken cancellationToken = default) => ListByStatusAsync(CollectionRunStatus.Queued, cancellationToken);

    public async Task<CollectionRun?> StartQueuedAsync(long runId, CancellationToken cancellationToken = default)
    {
        var started = await db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.StartQueued)
                    .WithEnum("running", CollectionRunStatus.Running).With("started_at", db.Now)
                    .With("run_id", runId).WithEnum("queued", CollectionRunStatus.Queued);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken).ConfigureAwait(false);
        return started ? await FindAsync(runId, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task UpdateProgressAsync(long runId, CollectionProgress progress, CancellationToken cancellationToken = default)
    {
        Checked(progress);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.UpdateProgress)
                    .With("repos_total", progress.ReposTotal).With("repos_ok", progress.ReposOk).With("repos_failed", progress.ReposFailed)
                    .With("api_calls", progress.ApiCalls).With("rate_limit_remaining", progress.RateLimitRemaining).With("run_id", runId);
                if (await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new GhStatsNotFoundException("collection run", runId);
                }
            },
            cancellationToken);
    }

    public async Task<CollectionRun> FinishAsync(long runId, CollectionRunStatus status, CollectionProgress progress, CancellationToken cancellationToken = default)
    {
        Checked(progress);
        if (status is CollectionRunStatus.Running or CollectionRunStatus.Queued || !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A run finishes with a final status, not Running or Queued.");
        }

        await db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.Finish)
                    .WithEnum("status", status).With("finished_at", db.Now)
                    .With("repos_total", progress.ReposTotal).With("repos_ok", progress.ReposOk).With("repos_failed", progress.ReposFailed)
                    .With("api_calls", progress.ApiCalls).With("rate_limit_remaining", progress.RateLimitRemaining).With("run_id", runId);
                if (await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    // Finished already (two replicas completing a run's last lanes both finish it): the first finish stands.
                    await db.RequireAsync(connection, transaction, sql.Exists, c => c.With("run_id", runId), "collection run", runId, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return await FindAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new GhStatsNotFoundException("collection run", runId);
    }

    public Task AddErrorAsync(CollectionError collectionError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionError);
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionError.Message, nameof(collectionError));

        // A collector's message can quote a whole response; the log keeps the start, which says what went wrong.
        var message = collectionError.Message.Length > FieldLimits.ErrorMessage
            ? collectionError.Message[..(FieldLimits.ErrorMessage - 1)] + "…"
            : collectionError.Message;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.Exists, c => c.With("run_id", collectionError.RunId), "collection run", collectionError.RunId, cancellationToken).ConfigureAwait(false);

                using var insert = db.Command(connection, transaction, sql.InsertError)
                    .With("run_id", collectionError.RunId).With("repo_id", collectionError.RepositoryId).WithEnum("kind", collectionError.Kind)
                    .With("message", message).With("occurred_at", collectionError.OccurredAt);
                await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<CollectionRun?> FindAsync(long runId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Get).With("run_id", runId);
                return await command.FirstOrDefaultAsync(CollectionRunRows.Shape, CollectionRunRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<CollectionRun>> ListAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return db.ReadAsync<IReadOnlyList<CollectionRun>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListLatest(limit));
                return await command.ListAsync(CollectionRunRows.Shape, CollectionRunRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CollectionRun>> ListRunningAsync(CancellationToken cancellationToken = default) => ListByStatusAsync(CollectionRunStatus.Running, cancellationToken);

    public Task<IReadOnlyList<CollectionError>> ListErrorsAsync(long runId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<CollectionError>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListErrors).With("run_id", runId);
                return await command.ListAsync(CollectionErrorRows.Shape, CollectionErrorRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private Task<CollectionRun> InsertAsync(CollectionTrigger trigger, string? requestedBy, long? tenantId, CollectionRunStatus status, CancellationToken cancellationToken)
    {
        var who = Input.Optional(requestedBy, nameof(requestedBy), FieldLimits.RequestedBy);
        return db.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, trigger, who, tenantId, status, cancellationToken), cancellationToken);
    }

    private async Task<CollectionRun> InsertAsync(
        DbConnection connection, DbTransaction transaction, CollectionTrigger trigger, string? who, long? tenantId, CollectionRunStatus status, CancellationToken cancellationToken)
    {
        var now = db.Now;
        using var insert = db.Command(connection, transaction, sql.Insert)
            .WithEnum("run_trigger", trigger).With("requested_by", who).With("tenant_id", tenantId)
            .With("started_at", now).WithEnum("status", status);
        var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The database returned no id for the new run.");
        return new CollectionRun(id, trigger, who, tenantId, now, null, status, 0, 0, 0, 0, null);
    }

    private Task<IReadOnlyList<CollectionRun>> ListByStatusAsync(CollectionRunStatus status, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<CollectionRun>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListRunning).WithEnum("status", status);
                return await command.ListAsync(CollectionRunRows.Shape, CollectionRunRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static void Checked(CollectionProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.ReposTotal < 0 || progress.ReposOk < 0 || progress.ReposFailed < 0 || progress.ApiCalls < 0 || progress.RateLimitRemaining < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Collection counters cannot be negative.");
        }

        if (progress.ReposOk + progress.ReposFailed > progress.ReposTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "More repositories are done than the run has.");
        }
    }
}
