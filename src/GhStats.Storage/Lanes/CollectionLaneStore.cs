using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Storage.Sql;
using GhStats.Stores;

namespace GhStats.Storage.Lanes;

/// <summary>The lanes of collection runs on a relational database: a row per lane, its claim a lease on the row.</summary>
internal sealed class CollectionLaneStore(StoreDatabase db, CollectionLaneStatements sql) : ICollectionLaneStore
{
    public async Task AddAsync(long runId, IReadOnlyCollection<CollectionLanePlan> lanes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lanes);

        // One lane per key: the first one given stands, as it would over two calls.
        var plans = lanes
            .Select(l => l ?? throw new ArgumentException("A lane is null.", nameof(lanes)))
            .Select(l => l with { Key = Input.Required(l.Key, nameof(CollectionLanePlan.Key), FieldLimits.CollectionLaneKey) })
            .Select(l => l.ReposTotal >= 0 ? l : throw new ArgumentOutOfRangeException(nameof(lanes), l, "A lane cannot have fewer than no repositories."))
            .DistinctBy(l => l.Key, StringComparer.Ordinal)
            .ToList();
        try
        {
            await InsertMissingAsync(runId, plans, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another process added some of the same lanes a moment before us: those stand, and the rest go in now.
            await InsertMissingAsync(runId, plans, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<CollectionLaneState?> ClaimAsync(long runId, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Check(holder, duration);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                var now = db.Now;
                List<CollectionLaneState> free;
                using (var list = db.Command(connection, transaction, sql.ListClaimable)
                    .With("run_id", runId).WithEnum("pending", CollectionLaneStatus.Pending).WithEnum("running", CollectionLaneStatus.Running).With("now", now))
                {
                    free = await list.ListAsync(CollectionLaneRows.Shape, CollectionLaneRows.Read, cancellationToken).ConfigureAwait(false);
                }

                // Each candidate is taken by an update that re-checks it is still free: of two claimers of one lane, the
                // database lets one update it and the other then finds it taken (zero rows) and tries the next.
                using var claim = db.Command(connection, transaction, sql.Claim);
                foreach (var lane in free.OrderBy(l => l.Status != CollectionLaneStatus.Pending).ThenBy(l => l.Progress.ReposDone))
                {
                    claim.ClearParameters()
                        .WithEnum("claimed", CollectionLaneStatus.Running).With("holder", holder).With("lease_expires_at", Until(now, duration))
                        .With("started_at", lane.StartedAt ?? now).With("run_id", runId).With("lane_key", lane.Key)
                        .WithEnum("pending", CollectionLaneStatus.Pending).WithEnum("running", CollectionLaneStatus.Running).With("now", now);
                    if (await claim.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1)
                    {
                        using var get = db.Command(connection, transaction, sql.Get).With("run_id", runId).With("lane_key", lane.Key);
                        return await get.FirstOrDefaultAsync(CollectionLaneRows.Shape, CollectionLaneRows.Read, cancellationToken).ConfigureAwait(false);
                    }
                }

                return null;
            },
            cancellationToken);
    }

    public Task<bool> RenewAsync(long runId, string key, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Check(holder, duration);
        Input.Required(key, nameof(key), FieldLimits.CollectionLaneKey);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var renew = db.Command(connection, transaction, sql.Renew).With("lease_expires_at", Until(db.Now, duration));
                return await Held(renew, runId, key, holder).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<bool> UpdateProgressAsync(long runId, string key, string holder, CollectionLaneProgress progress, CancellationToken cancellationToken = default) =>
        WriteHeldAsync(runId, key, holder, progress, sql.UpdateProgress, command => command, cancellationToken);

    public Task<bool> CompleteAsync(long runId, string key, string holder, CollectionLaneProgress progress, CancellationToken cancellationToken = default) =>
        WriteHeldAsync(runId, key, holder, progress, sql.Complete, command => command.WithEnum("done", CollectionLaneStatus.Done).With("finished_at", db.Now), cancellationToken);

    public Task<bool> HandBackAsync(long runId, string key, string holder, CollectionLaneProgress progress, CancellationToken cancellationToken = default) =>
        WriteHeldAsync(
            runId, key, holder, progress,
            sql.HandBack, command => command.WithEnum("pending", CollectionLaneStatus.Pending).With("now", StoreDatabase.ToMicroseconds(db.Now)),
            cancellationToken);

    public Task<IReadOnlyList<CollectionLaneState>> ListAsync(long runId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<CollectionLaneState>>(
            async connection =>
            {
                using var list = db.Command(connection, sql.List).With("run_id", runId);
                return await list.ListAsync(CollectionLaneRows.Shape, CollectionLaneRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<CollectionLaneState>> ListLatestDoneAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<CollectionLaneState>>(
            async connection =>
            {
                using var list = db.Command(connection, sql.ListLatestDone).With("tenant_id", tenantId).WithEnum("done", CollectionLaneStatus.Done);
                return await list.ListAsync(CollectionLaneRows.Shape, CollectionLaneRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private Task InsertMissingAsync(long runId, List<CollectionLanePlan> plans, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.RunExists, c => c.With("run_id", runId), "collection run", runId, cancellationToken).ConfigureAwait(false);

                HashSet<string> stored;
                using (var list = db.Command(connection, transaction, sql.List).With("run_id", runId))
                {
                    stored = (await list.ListAsync(CollectionLaneRows.Shape, CollectionLaneRows.Read, cancellationToken).ConfigureAwait(false))
                        .Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
                }

                using var insert = db.Command(connection, transaction, sql.Insert);
                foreach (var plan in plans.Where(p => !stored.Contains(p.Key)))
                {
                    await insert.ClearParameters()
                        .With("run_id", runId).With("lane_key", plan.Key).With("tenant_id", plan.TenantId).With("connection_id", plan.ConnectionId)
                        .WithEnum("status", CollectionLaneStatus.Pending).With("repos_total", plan.ReposTotal)
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>
    /// Writes a held lane's counters with one of the statements that name its holder, with <paramref name="parameters"/>
    /// of its own; false when the holder no longer holds it.
    /// </summary>
    private Task<bool> WriteHeldAsync(
        long runId, string key, string holder, CollectionLaneProgress progress, SqlStatement statement, Func<StoreCommand, StoreCommand> parameters, CancellationToken cancellationToken)
    {
        Input.Required(key, nameof(key), FieldLimits.CollectionLaneKey);
        Input.Required(holder, nameof(holder), FieldLimits.LeaseHolder);
        Checked(progress);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var write = Counters(parameters(db.Command(connection, transaction, statement)), progress);
                return await Held(write, runId, key, holder).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    private static StoreCommand Held(StoreCommand command, long runId, string key, string holder) =>
        command.With("run_id", runId).With("lane_key", key).With("holder", holder).WithEnum("running", CollectionLaneStatus.Running);

    private static StoreCommand Counters(StoreCommand command, CollectionLaneProgress progress) => command
        .With("repos_ok", progress.ReposOk).With("repos_failed", progress.ReposFailed).With("repos_deferred", progress.ReposDeferred)
        .With("api_calls", progress.ApiCalls).With("rate_limit", progress.RateLimit).With("rate_limit_remaining", progress.RateLimitRemaining)

        // What happened has happened: an over-long reason is cut rather than the progress refused.
        .With("deferred_because", Input.Cut(string.IsNullOrWhiteSpace(progress.DeferredBecause) ? null : progress.DeferredBecause, FieldLimits.CollectionLaneDeferredBecause));

    /// <summary>When a claim made now lapses, cut to microseconds as the databases keep it.</summary>
    private static DateTimeOffset Until(DateTimeOffset now, TimeSpan duration) => StoreDatabase.ToMicroseconds(now + duration);

    private static void Check(string holder, TimeSpan duration)
    {
        Input.Required(holder, nameof(holder), FieldLimits.LeaseHolder);
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A claim lasts more than zero and at most one day.");
        }
    }

    private static void Checked(CollectionLaneProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.ReposOk < 0 || progress.ReposFailed < 0 || progress.ReposDeferred < 0 || progress.ApiCalls < 0 || progress.RateLimit < 0 || progress.RateLimitRemaining < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Lane counters cannot be negative.");
        }
    }
}
