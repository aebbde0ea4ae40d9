using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Dashboards;

/// <summary>Public dashboards on a relational database.</summary>
internal sealed class PublicDashboardStore(StoreDatabase db, PublicDashboardStatements sql) : IPublicDashboardStore
{
    public async Task<PublicDashboard> CreateAsync(long tenantId, string slug, PublicDashboardSettings settings, CancellationToken cancellationToken = default)
    {
        var checkedSlug = Input.Required(slug, nameof(slug), FieldLimits.DashboardSlug);
        var checkedSettings = Checked(settings);
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);
                    var now = db.Now;
                    using var insert = db.Command(connection, transaction, sql.Insert)
                        .With("tenant_id", tenantId).With("slug", checkedSlug).With("created_at", now);
                    var id = await Bind(insert, checkedSettings, now).ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The database returned no id for the new public dashboard.");
                    await ReplaceRepositoriesAsync(connection, transaction, tenantId, id, checkedSettings.RepositoryIds, cancellationToken).ConfigureAwait(false);
                    return await ReadAsync(connection, transaction, tenantId, id, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            throw new GhStatsConflictException($"The dashboard address '{checkedSlug}' is taken.", exception);
        }
    }

    public Task<PublicDashboard> UpdateAsync(long tenantId, long dashboardId, PublicDashboardSettings settings, CancellationToken cancellationToken = default)
    {
        var checkedSettings = Checked(settings);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using (var update = db.Command(connection, transaction, sql.Update).With("dashboard_id", dashboardId).With("tenant_id", tenantId))
                {
                    if (await Bind(update, checkedSettings, db.Now).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw new GhStatsNotFoundException("public dashboard", dashboardId);
                    }
                }

                await ReplaceRepositoriesAsync(connection, transaction, tenantId, dashboardId, checkedSettings.RepositoryIds, cancellationToken).ConfigureAwait(false);
                return await ReadAsync(connection, transaction, tenantId, dashboardId, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<PublicDashboard> SetPublishedAsync(long tenantId, long dashboardId, bool published, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using (var update = db.Command(connection, transaction, sql.SetPublished)
                    .With("published", published ? 1 : 0).With("updated_at", db.Now).With("dashboard_id", dashboardId).With("tenant_id", tenantId))
                {
                    if (await update.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw new GhStatsNotFoundException("public dashboard", dashboardId);
                    }
                }

                return await ReadAsync(connection, transaction, tenantId, dashboardId, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<PublicDashboard> GetAsync(long tenantId, long dashboardId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(connection => ReadAsync(connection, null, tenantId, dashboardId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<PublicDashboard>> ListAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<PublicDashboard>>(
            async connection =>
            {
                List<PublicDashboardRows.DashboardRow> rows;
                using (var list = db.Command(connection, sql.List).With("tenant_id", tenantId))
                {
                    rows = await list.ListAsync(PublicDashboardRows.Shape, PublicDashboardRows.Read, cancellationToken).ConfigureAwait(false);
                }

                using var links = db.Command(connection, sql.ListTenantRepositories).With("tenant_id", tenantId);
                var shown = (await links.ListAsync(PublicDashboardRows.RepositoryShape, PublicDashboardRows.ReadRepository, cancellationToken).ConfigureAwait(false))
                    .ToLookup(l => l.DashboardId, l => l.RepositoryId);
                return rows.Select(row => ToDashboard(row, shown[row.Id].ToList())).ToList();
            },
            cancellationToken);

    public Task<PublicDashboard?> FindPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return db.ReadAsync<PublicDashboard?>(
            async connection =>
            {
                PublicDashboardRows.DashboardRow? row;
                using (var find = db.Command(connection, sql.FindPublished).With("slug", slug))
                {
                    row = await find.FirstOrDefaultAsync(PublicDashboardRows.Shape, PublicDashboardRows.Read, cancellationToken).ConfigureAwait(false);
                }

                return row is null ? null : await WithRepositoriesAsync(connection, null, row, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task DeleteAsync(long tenantId, long dashboardId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                _ = await ReadAsync(connection, transaction, tenantId, dashboardId, cancellationToken).ConfigureAwait(false);
                using (var clear = db.Command(connection, transaction, sql.ClearRepositories).With("dashboard_id", dashboardId))
                {
                    await clear.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                using var delete = db.Command(connection, transaction, sql.Delete).With("dashboard_id", dashboardId).With("tenant_id", tenantId);
                await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static PublicDashboardSettings Checked(PublicDashboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var origins = settings.FrameOrigins ?? [];
        if (origins.Any(o => string.IsNullOrWhiteSpace(o) || o.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("FrameOrigins holds an empty origin or one with spaces.", nameof(settings));
        }

        Input.Optional(string.Join(' ', origins), nameof(settings.FrameOrigins), FieldLimits.DashboardFrameOrigins);
        return settings with
        {
            Title = Input.Required(settings.Title, nameof(settings.Title), FieldLimits.DashboardTitle).Trim(),
            RepositoryIds = (settings.RepositoryIds ?? []).Distinct().Order().ToList(),
            FrameOrigins = origins.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static StoreCommand Bind(StoreCommand command, PublicDashboardSettings settings, DateTimeOffset now) =>
        command.With("title", settings.Title).With("show_referrers", settings.ShowReferrers ? 1 : 0).With("show_paths", settings.ShowPopularContent ? 1 : 0)
            .With("frame_origins", settings.FrameOrigins!.Count == 0 ? null : string.Join(' ', settings.FrameOrigins))
            .With("published", settings.Published ? 1 : 0).With("updated_at", now);

    /// <summary>Every repository must be tracked in the tenant: a dashboard never shows another tenant's.</summary>
    private async Task ReplaceRepositoriesAsync(
        DbConnection connection, DbTransaction transaction, long tenantId, long dashboardId, IReadOnlyList<long> repositoryIds, CancellationToken cancellationToken)
    {
        using (var clear = db.Command(connection, transaction, sql.ClearRepositories).With("dashboard_id", dashboardId))
        {
            await clear.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var repositoryId in repositoryIds)
        {
            await db.RequireAsync(connection, transaction, sql.RepositoryTracked, c => c.With("repo_id", repositoryId).With("tenant_id", tenantId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
            using var add = db.Command(connection, transaction, sql.AddRepository).With("dashboard_id", dashboardId).With("repo_id", repositoryId);
            await add.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PublicDashboard> ReadAsync(DbConnection connection, DbTransaction? transaction, long tenantId, long dashboardId, CancellationToken cancellationToken)
    {
        PublicDashboardRows.DashboardRow? row;
        using (var get = db.Command(connection, transaction, sql.Get).With("dashboard_id", dashboardId).With("tenant_id", tenantId))
        {
            row = await get.FirstOrDefaultAsync(PublicDashboardRows.Shape, PublicDashboardRows.Read, cancellationToken).ConfigureAwait(false);
        }

        return row is null
            ? throw new GhStatsNotFoundException("public dashboard", dashboardId)
            : await WithRepositoriesAsync(connection, transaction, row, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PublicDashboard> WithRepositoriesAsync(DbConnection connection, DbTransaction? transaction, PublicDashboardRows.DashboardRow row, CancellationToken cancellationToken)
    {
        using var links = db.Command(connection, transaction, sql.ListRepositories).With("dashboard_id", row.Id);
        var shown = await links.ListAsync(PublicDashboardRows.RepositoryShape, PublicDashboardRows.ReadRepository, cancellationToken).ConfigureAwait(false);
        return ToDashboard(row, shown.Select(l => l.RepositoryId).ToList());
    }

    private static PublicDashboard ToDashboard(PublicDashboardRows.DashboardRow row, IReadOnlyList<long> repositoryIds) =>
        new(row.Id, row.TenantId, row.Slug, row.Title, row.ShowReferrers, row.ShowPaths,
            row.FrameOrigins?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], row.Published, repositoryIds, row.CreatedAt, row.UpdatedAt);
}
