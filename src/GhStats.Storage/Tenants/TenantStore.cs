using System.Data.Common;
using System.Text.RegularExpressions;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Tenants;

/// <summary>Tenants on a relational database.</summary>
internal sealed partial class TenantStore(StoreDatabase db, TenantStatements sql) : ITenantStore
{
    public async Task<Tenant> CreateAsync(string slug, string name, CancellationToken cancellationToken = default)
    {
        var checkedSlug = Input.Required(slug, nameof(slug), FieldLimits.TenantSlug);
        if (!SlugPattern().IsMatch(checkedSlug))
        {
            throw new ArgumentException($"Slug '{slug}' may hold only lower-case letters, digits and single hyphens, starting with a letter or digit.", nameof(slug));
        }

        var checkedName = Input.Required(name, nameof(name), FieldLimits.TenantName);
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    using (var existing = db.Command(connection, transaction, sql.FindBySlug).With("slug", checkedSlug))
                    {
                        if (await existing.FirstOrDefaultAsync(TenantRows.Shape, TenantRows.Read, cancellationToken).ConfigureAwait(false) is not null)
                        {
                            throw new GhStatsConflictException($"A tenant with slug '{checkedSlug}' exists.");
                        }
                    }

                    var now = db.Now;
                    using var insert = db.Command(connection, transaction, sql.Insert)
                        .With("slug", checkedSlug).With("name", checkedName).With("created_at", now);
                    var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The database returned no id for the new tenant.");
                    return new Tenant(id, checkedSlug, checkedName, now);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another process created the same slug between our check and our insert.
            throw new GhStatsConflictException($"A tenant with slug '{checkedSlug}' exists.", exception);
        }
    }

    public async Task<Tenant> GetAsync(long tenantId, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, cancellationToken).ConfigureAwait(false) ?? throw new GhStatsNotFoundException("tenant", tenantId);

    public Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.FindBySlug).With("slug", slug);
                return await command.FirstOrDefaultAsync(TenantRows.Shape, TenantRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Tenant>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.List);
                return await command.ListAsync(TenantRows.Shape, TenantRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<Tenant> RenameAsync(long tenantId, string name, CancellationToken cancellationToken = default)
    {
        var checkedName = Input.Required(name, nameof(name), FieldLimits.TenantName);
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.Rename).With("name", checkedName).With("tenant_id", tenantId);
                if (await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new GhStatsNotFoundException("tenant", tenantId);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return await GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using (var get = db.Command(connection, transaction, sql.Get).With("tenant_id", tenantId))
                {
                    _ = await get.FirstOrDefaultAsync(TenantRows.Shape, TenantRows.Read, cancellationToken).ConfigureAwait(false)
                        ?? throw new GhStatsNotFoundException("tenant", tenantId);
                }

                foreach (var statement in sql.DeleteStatements)
                {
                    using var delete = db.Command(connection, transaction, statement).With("tenant_id", tenantId);
                    await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

    private Task<Tenant?> FindAsync(long tenantId, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Get).With("tenant_id", tenantId);
                return await command.FirstOrDefaultAsync(TenantRows.Shape, TenantRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
