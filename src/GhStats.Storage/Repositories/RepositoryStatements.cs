using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Repositories;

/// <summary>The SQL of <see cref="RepositoryStore"/>.</summary>
internal sealed class RepositoryStatements : StatementSet
{
    public RepositoryStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = RepositoryRows.Shape.Select();
        TenantExists = CountTenant("Repositories");
        ConnectionInTenant = new("Repositories.ConnectionInTenant",
            $"SELECT COUNT(*) FROM {T("github_connections")} WHERE id = @connection_id AND tenant_id = @tenant_id");
        FindByName = new("Repositories.FindByName",
            $"SELECT {columns} FROM {T("repositories")} WHERE tenant_id = @tenant_id AND LOWER(owner) = @owner AND LOWER(name) = @name");
        Insert = new("Repositories.Insert", Dialect.InsertReturningId(T("repositories"),
            "tenant_id, connection_id, owner, name, added_at",
            "@tenant_id, @connection_id, @owner, @name, @added_at"));
        Reactivate = new("Repositories.Reactivate",
            $"UPDATE {T("repositories")} SET removed_at = NULL, added_at = @added_at, connection_id = @connection_id, owner = @owner, name = @name WHERE id = @repo_id");
        Get = new("Repositories.Get", $"SELECT {columns} FROM {T("repositories")} WHERE id = @repo_id AND tenant_id = @tenant_id");
        Find = new("Repositories.Find", $"SELECT {columns} FROM {T("repositories")} WHERE id = @repo_id");
        ListActive = new("Repositories.ListActive",
            $"SELECT {columns} FROM {T("repositories")} WHERE tenant_id = @tenant_id AND removed_at IS NULL ORDER BY owner, name");
        ListAll = new("Repositories.ListAll",
            $"SELECT {columns} FROM {T("repositories")} WHERE tenant_id = @tenant_id ORDER BY owner, name");
        ListTracked = new("Repositories.ListTracked",
            $"SELECT {columns} FROM {T("repositories")} WHERE removed_at IS NULL ORDER BY tenant_id, owner, name");
        MarkRemoved = new("Repositories.MarkRemoved",
            $"UPDATE {T("repositories")} SET removed_at = @removed_at WHERE id = @repo_id AND removed_at IS NULL");
        RecordCollection = new("Repositories.RecordCollection",
            $"UPDATE {T("repositories")} SET last_collected_at = @collected_at, last_status = @status, github_id = COALESCE(CAST(@github_id AS BIGINT), github_id) WHERE id = @repo_id");

        // Untracking takes a repository off every public dashboard for good: tracking it again does not republish it.
        LeaveDashboards = new("Repositories.LeaveDashboards", $"DELETE FROM {T("public_dashboard_repositories")} WHERE repo_id = @repo_id");

        SetBadges = new("Repositories.SetBadges",
            $"UPDATE {T("repositories")} SET badges_enabled = @badges_enabled WHERE id = @repo_id AND tenant_id = @tenant_id");

        // A separate statement, not COALESCE(CAST(@day AS DATE), ...): SQLite's CAST to DATE would turn '2024-03-04' into 2024.
        RecordWeeklyCollection = new("Repositories.RecordWeeklyCollection",
            $"UPDATE {T("repositories")} SET weekly_collected_on = @weekly_collected_on WHERE id = @repo_id");
        RecordDailyCollection = new("Repositories.RecordDailyCollection",
            $"UPDATE {T("repositories")} SET daily_collected_on = @daily_collected_on WHERE id = @repo_id");

        // Purging deletes children before the repository; no cascades, so every provider behaves alike.
        PurgeStatements =
        [
            Delete("Repositories.PurgeAnnotations", "annotations"),
            Delete("Repositories.PurgeTrafficDaily", "traffic_daily"),
            Delete("Repositories.PurgeTrafficWeekly", "traffic_weekly"),
            Delete("Repositories.PurgeReferrers", "referrer_snapshots"),
            Delete("Repositories.PurgePaths", "path_snapshots"),
            Delete("Repositories.PurgeStats", "repo_daily_stats"),
            Delete("Repositories.PurgeStarHistory", "star_history_daily"),
            Delete("Repositories.PurgeStarBackfill", "star_backfills"),
            Delete("Repositories.PurgeReleaseAssetSnapshots", "release_asset_snapshots"),
            Delete("Repositories.PurgeReleaseReads", "release_reads"),
            Delete("Repositories.PurgeReleases", "releases"),
            Delete("Repositories.PurgeGrants", "repo_grants"),
            Delete("Repositories.PurgeErrors", "collection_errors"),
            Delete("Repositories.PurgeETags", "github_etags"),
            new("Repositories.PurgeRepository", $"DELETE FROM {T("repositories")} WHERE id = @repo_id"),
        ];
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement ConnectionInTenant { get; }

    public SqlStatement FindByName { get; }

    public SqlStatement Insert { get; }

    public SqlStatement Reactivate { get; }

    public SqlStatement Get { get; }

    public SqlStatement Find { get; }

    public SqlStatement ListActive { get; }

    public SqlStatement ListAll { get; }

    public SqlStatement ListTracked { get; }

    public SqlStatement MarkRemoved { get; }

    public SqlStatement LeaveDashboards { get; }

    public SqlStatement RecordCollection { get; }

    public SqlStatement RecordWeeklyCollection { get; }

    public SqlStatement RecordDailyCollection { get; }

    public SqlStatement SetBadges { get; }

    public IReadOnlyList<SqlStatement> PurgeStatements { get; }

    private SqlStatement Delete(string name, string table) => new(name, $"DELETE FROM {T(table)} WHERE repo_id = @repo_id");
}
