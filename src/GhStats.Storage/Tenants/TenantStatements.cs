using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Tenants;

/// <summary>The SQL of <see cref="TenantStore"/>.</summary>
internal sealed class TenantStatements : StatementSet
{
    public TenantStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = TenantRows.Shape.Select();
        Insert = new("Tenants.Insert", Dialect.InsertReturningId(T("tenants"), "slug, name, created_at", "@slug, @name, @created_at"));
        Get = new("Tenants.Get", $"SELECT {columns} FROM {T("tenants")} WHERE id = @tenant_id");
        FindBySlug = new("Tenants.FindBySlug", $"SELECT {columns} FROM {T("tenants")} WHERE slug = @slug");
        List = new("Tenants.List", $"SELECT {columns} FROM {T("tenants")} ORDER BY slug");
        Rename = new("Tenants.Rename", $"UPDATE {T("tenants")} SET name = @name WHERE id = @tenant_id");

        var ofTenantRepositories = $"WHERE repo_id IN (SELECT id FROM {T("repositories")} WHERE tenant_id = @tenant_id)";

        // Children first, then the tenant: no cascades, so every provider deletes alike.
        DeleteStatements =
        [
            new("Tenants.DeleteAnnotations", $"DELETE FROM {T("annotations")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteTrafficDaily", $"DELETE FROM {T("traffic_daily")} {ofTenantRepositories}"),
            new("Tenants.DeleteTrafficRollups", $"DELETE FROM {T("traffic_rollups")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteTrafficWeekly", $"DELETE FROM {T("traffic_weekly")} {ofTenantRepositories}"),
            new("Tenants.DeleteReferrers", $"DELETE FROM {T("referrer_snapshots")} {ofTenantRepositories}"),
            new("Tenants.DeletePaths", $"DELETE FROM {T("path_snapshots")} {ofTenantRepositories}"),
            new("Tenants.DeleteStats", $"DELETE FROM {T("repo_daily_stats")} {ofTenantRepositories}"),
            new("Tenants.DeleteStarHistory", $"DELETE FROM {T("star_history_daily")} {ofTenantRepositories}"),
            new("Tenants.DeleteStarBackfills", $"DELETE FROM {T("star_backfills")} {ofTenantRepositories}"),
            new("Tenants.DeleteReleaseAssetSnapshots", $"DELETE FROM {T("release_asset_snapshots")} {ofTenantRepositories}"),
            new("Tenants.DeleteReleaseReads", $"DELETE FROM {T("release_reads")} {ofTenantRepositories}"),
            new("Tenants.DeleteReleases", $"DELETE FROM {T("releases")} {ofTenantRepositories}"),
            new("Tenants.DeleteGrants", $"DELETE FROM {T("repo_grants")} {ofTenantRepositories}"),
            new("Tenants.DeleteErrors", $"DELETE FROM {T("collection_errors")} {ofTenantRepositories}"),
            new("Tenants.DeleteETags", $"DELETE FROM {T("github_etags")} {ofTenantRepositories}"),
            new("Tenants.DeleteDashboardRepositories",
                $"DELETE FROM {T("public_dashboard_repositories")} WHERE dashboard_id IN (SELECT id FROM {T("public_dashboards")} WHERE tenant_id = @tenant_id)"),
            new("Tenants.DeleteDashboards", $"DELETE FROM {T("public_dashboards")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteRepositories", $"DELETE FROM {T("repositories")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteTrackedOwners", $"DELETE FROM {T("tracked_owners")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteConnections", $"DELETE FROM {T("github_connections")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteMemberships", $"DELETE FROM {T("memberships")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteInvitations", $"DELETE FROM {T("invitations")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteNotificationDeliveries", $"DELETE FROM {T("notification_deliveries")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteNotificationOutbox", $"DELETE FROM {T("notification_outbox")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteNotificationEvents", $"DELETE FROM {T("notification_events")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteNotificationConditions", $"DELETE FROM {T("notification_conditions")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteNotificationSubscriptions", $"DELETE FROM {T("notification_subscriptions")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteNotificationChannels", $"DELETE FROM {T("notification_channels")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteTransferJobs", $"DELETE FROM {T("transfer_jobs")} WHERE tenant_id = @tenant_id"),
            new("Tenants.DeleteTenant", $"DELETE FROM {T("tenants")} WHERE id = @tenant_id"),
        ];
    }

    public SqlStatement Insert { get; }

    public SqlStatement Get { get; }

    public SqlStatement FindBySlug { get; }

    public SqlStatement List { get; }

    public SqlStatement Rename { get; }

    public IReadOnlyList<SqlStatement> DeleteStatements { get; }
}
