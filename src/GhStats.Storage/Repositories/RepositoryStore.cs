using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Repositories;

/// <summary>Tracked repositories on a relational database.</summary>
internal sealed class RepositoryStore(StoreDatabase db, RepositoryStatements sql) : IRepositoryStore
{
    public async Task<TrackedRepository> AddAsync(long tenantId, string owner, string name, long? connectionId = null, CancellationToken cancellationToken = default)
    {
        if (!GitHubNames.IsValidOwner(owner))
        {
            throw new ArgumentException($"'{owner}' is not a GitHub owner name: 1 to {FieldLimits.RepositoryOwner} letters, digits or single hyphens.", nameof(owner));
        }

        if (!GitHubNames.IsValidRepositoryName(name))
        {
            throw new ArgumentException($"'{name}' is not a GitHub repository name: 1 to {FieldLimits.RepositoryName} letters, digits, '.', '-' or '_'.", nameof(name));
        }

        try
        {
            return await AddCheckedAsync(tenantId, owner, name, connectionId, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another request added the same repository between our check and our insert.
            throw new GhStatsConflictException($"The tenant already tracks {owner}/{name}.", exception);
        }
    }

    private Task<TrackedRepository> AddCheckedAsync(long tenantId, string owner, string name, long? connectionId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);

                if (connectionId is { } id)
                {
                    await db.RequireAsync(connection, transaction, sql.ConnectionInTenant, c => c.With("connection_id", id).With("tenant_id", tenantId), "GitHub connection", id, cancellationToken).ConfigureAwait(false);
                }

                TrackedRepository? existing;
                using (var find = db.Command(connection, transaction, sql.FindByName)
                    .With("tenant_id", tenantId).With("owner", owner.ToLowerInvariant()).With("name", name.ToLowerInvariant()))
                {
                    existing = await find.FirstOrDefaultAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
                }

                var now = db.Now;
                if (existing is { IsActive: true })
                {
                    throw new GhStatsConflictException($"The tenant already tracks {existing.FullName}.");
                }

                if (existing is not null)
                {
                    using var reactivate = db.Command(connection, transaction, sql.Reactivate)
                        .With("added_at", now).With("connection_id", connectionId).With("owner", owner).With("name", name).With("repo_id", existing.Id);
                    await reactivate.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return existing with { Owner = owner, Name = name, ConnectionId = connectionId, AddedAt = now, RemovedAt = null };
                }

                using var insert = db.Command(connection, transaction, sql.Insert)
                    .With("tenant_id", tenantId).With("connection_id", connectionId).With("owner", owner).With("name", name).With("added_at", now);
                var newId = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The database returned no id for the new repository.");
                return new TrackedRepository(newId, tenantId, connectionId, owner, name, null, now, null, null, null);
            },
            cancellationToken);

    public async Task<TrackedRepository> GetAsync(long tenantId, long repositoryId, CancellationToken cancellationToken = default) =>
        await db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Get).With("repo_id", repositoryId).With("tenant_id", tenantId);
                return await command.FirstOrDefaultAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false) ?? throw new GhStatsNotFoundException("repository", repositoryId);

    public Task<TrackedRepository?> FindAsync(long repositoryId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Find).With("repo_id", repositoryId);
                return await command.FirstOrDefaultAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<TrackedRepository?> FindByNameAsync(long tenantId, string owner, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(name);
        return db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.FindByName)
                    .With("tenant_id", tenantId).With("owner", owner.ToLowerInvariant()).With("name", name.ToLowerInvariant());
                return await command.FirstOrDefaultAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<TrackedRepository>> ListAsync(long tenantId, bool includeRemoved = false, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<TrackedRepository>>(
            async connection =>
            {
                using var command = db.Command(connection, includeRemoved ? sql.ListAll : sql.ListActive).With("tenant_id", tenantId);
                return await command.ListAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<TrackedRepository>> ListTrackedAsync(long? tenantId = null, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<TrackedRepository>>(
            async connection =>
            {
                if (tenantId is { } id)
                {
                    using var one = db.Command(connection, sql.ListActive).With("tenant_id", id);
                    return await one.ListAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
                }

                using var all = db.Command(connection, sql.ListTracked);
                return await all.ListAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task RemoveAsync(long tenantId, long repositoryId, bool purge = false, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using (var get = db.Command(connection, transaction, sql.Get).With("repo_id", repositoryId).With("tenant_id", tenantId))
                {
                    _ = await get.FirstOrDefaultAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false)
                        ?? throw new GhStatsNotFoundException("repository", repositoryId);
                }

                using (var leave = db.Command(connection, transaction, sql.LeaveDashboards).With("repo_id", repositoryId))
                {
                    await leave.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                if (!purge)
                {
                    using var mark = db.Command(connection, transaction, sql.MarkRemoved).With("removed_at", db.Now).With("repo_id", repositoryId);
                    await mark.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                foreach (var statement in sql.PurgeStatements)
                {
                    using var delete = db.Command(connection, transaction, statement).With("repo_id", repositoryId);
                    await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

    public Task RecordCollectionAsync(
        long repositoryId, string status, long? gitHubId = null, DateOnly? weeklyCollectedOn = null, DateOnly? dailyCollectedOn = null, CancellationToken cancellationToken = default)
    {
        var checkedStatus = Input.Required(status, nameof(status), FieldLimits.RepositoryStatus);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.RecordCollection)
                    .With("collected_at", db.Now).With("status", checkedStatus).With("github_id", gitHubId).With("repo_id", repositoryId);
                if (await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new GhStatsNotFoundException("repository", repositoryId);
                }

                if (weeklyCollectedOn is { } day)
                {
                    using var weekly = db.Command(connection, transaction, sql.RecordWeeklyCollection).With("weekly_collected_on", day).With("repo_id", repositoryId);
                    await weekly.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                if (dailyCollectedOn is { } dailyDay)
                {
                    using var daily = db.Command(connection, transaction, sql.RecordDailyCollection).With("daily_collected_on", dailyDay).With("repo_id", repositoryId);
                    await daily.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public Task<TrackedRepository> SetBadgesAsync(long tenantId, long repositoryId, bool enabled, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using (var update = db.Command(connection, transaction, sql.SetBadges)
                    .With("badges_enabled", enabled ? 1 : 0).With("repo_id", repositoryId).With("tenant_id", tenantId))
                {
                    if (await update.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw new GhStatsNotFoundException("repository", repositoryId);
                    }
                }

                using var get = db.Command(connection, transaction, sql.Get).With("repo_id", repositoryId).With("tenant_id", tenantId);
                return await get.FirstOrDefaultAsync(RepositoryRows.Shape, RepositoryRows.Read, cancellationToken).ConfigureAwait(false)
                    ?? throw new GhStatsNotFoundException("repository", repositoryId);
            },
            cancellationToken);
}
