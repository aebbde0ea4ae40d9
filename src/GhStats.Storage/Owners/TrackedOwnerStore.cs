using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Migrations;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Owners;

/// <summary>Owner-wide tracking on a relational database.</summary>
internal sealed class TrackedOwnerStore(StoreDatabase db, TrackedOwnerStatements sql) : ITrackedOwnerStore
{
    public async Task<TrackedOwner> AddAsync(NewTrackedOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!GitHubNames.IsValidOwner(owner.Owner))
        {
            throw new ArgumentException($"'{owner.Owner}' is not a GitHub owner name: 1 to {FieldLimits.RepositoryOwner} letters, digits or single hyphens.", nameof(owner));
        }

        var include = Patterns(owner.Include, nameof(owner.Include));
        var exclude = Patterns(owner.Exclude, nameof(owner.Exclude));
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", owner.TenantId), "tenant", owner.TenantId, cancellationToken).ConfigureAwait(false);

                    if (owner.ConnectionId is { } connectionId)
                    {
                        await db.RequireAsync(connection, transaction, sql.ConnectionInTenant, c => c.With("connection_id", connectionId).With("tenant_id", owner.TenantId), "GitHub connection", connectionId, cancellationToken).ConfigureAwait(false);
                    }

                    using (var existing = db.Command(connection, transaction, sql.FindByOwner).With("tenant_id", owner.TenantId).With("owner", owner.Owner.ToLowerInvariant()))
                    {
                        if (await existing.FirstOrDefaultAsync(TrackedOwnerRows.Shape, TrackedOwnerRows.Read, cancellationToken).ConfigureAwait(false) is not null)
                        {
                            throw new GhStatsConflictException($"The tenant already tracks every repository of {owner.Owner}.");
                        }
                    }

                    var now = db.Now;
                    using var insert = db.Command(connection, transaction, sql.Insert)
                        .With("tenant_id", owner.TenantId).With("connection_id", owner.ConnectionId).With("owner", owner.Owner)
                        .With("include_patterns", include).With("exclude_patterns", exclude)
                        .With("skip_forks", owner.SkipForks ? 1 : 0).With("skip_archived", owner.SkipArchived ? 1 : 0).With("added_at", now);
                    var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The database returned no id for the new tracked owner.");
                    return new TrackedOwner(id, owner.TenantId, owner.ConnectionId, owner.Owner, include, exclude, owner.SkipForks, owner.SkipArchived, now);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            throw new GhStatsConflictException($"The tenant already tracks every repository of {owner.Owner}.", exception);
        }
    }

    public Task<IReadOnlyList<TrackedOwner>> ListAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<TrackedOwner>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.List).With("tenant_id", tenantId);
                return await command.ListAsync(TrackedOwnerRows.Shape, TrackedOwnerRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<TrackedOwner>> ListForCollectionAsync(long? tenantId = null, CancellationToken cancellationToken = default) =>
        tenantId is { } id
            ? ListAsync(id, cancellationToken)
            : db.ReadAsync<IReadOnlyList<TrackedOwner>>(
                async connection =>
                {
                    using var command = db.Command(connection, sql.ListAll);
                    return await command.ListAsync(TrackedOwnerRows.Shape, TrackedOwnerRows.Read, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken);

    public Task RemoveAsync(long tenantId, long ownerId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using var delete = db.Command(connection, transaction, sql.Delete).With("owner_id", ownerId).With("tenant_id", tenantId);
                if (await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new GhStatsNotFoundException("tracked owner", ownerId);
                }
            },
            cancellationToken);

    /// <summary>Normalises "a*, b?" to "a*,b?"; refuses what cannot be a repository-name pattern.</summary>
    private static string? Patterns(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var patterns = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var pattern in patterns)
        {
            if (!GitHubNames.IsValidRepositoryName(pattern.Replace('*', 'x').Replace('?', 'x')))
            {
                throw new ArgumentException($"{field} pattern '{pattern}' can match no repository name: use letters, digits, '.', '-', '_', '*' and '?'.", field);
            }
        }

        return Input.Optional(string.Join(',', patterns), field, OwnerTracking.PatternsLength);
    }
}
