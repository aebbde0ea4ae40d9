using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Dashboards;

/// <summary>The SQL of <see cref="PublicDashboardStore"/>.</summary>
internal sealed class PublicDashboardStatements : StatementSet
{
    public PublicDashboardStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = PublicDashboardRows.Shape.Select();
        var links = PublicDashboardRows.RepositoryShape.Select("d");
        TenantExists = CountTenant("Dashboards");
        RepositoryTracked = new("Dashboards.RepositoryTracked",
            $"SELECT COUNT(*) FROM {T("repositories")} WHERE id = @repo_id AND tenant_id = @tenant_id AND removed_at IS NULL");
        Insert = new("Dashboards.Insert", Dialect.InsertReturningId(T("public_dashboards"),
            "tenant_id, slug, title, show_referrers, show_paths, frame_origins, published, created_at, updated_at",
            "@tenant_id, @slug, @title, @show_referrers, @show_paths, @frame_origins, @published, @created_at, @updated_at"));
        Update = new("Dashboards.Update",
            $"UPDATE {T("public_dashboards")} SET title = @title, show_referrers = @show_referrers, show_paths = @show_paths, "
            + "frame_origins = @frame_origins, published = @published, updated_at = @updated_at WHERE id = @dashboard_id AND tenant_id = @tenant_id");
        SetPublished = new("Dashboards.SetPublished",
            $"UPDATE {T("public_dashboards")} SET published = @published, updated_at = @updated_at WHERE id = @dashboard_id AND tenant_id = @tenant_id");
        Get = new("Dashboards.Get", $"SELECT {columns} FROM {T("public_dashboards")} WHERE id = @dashboard_id AND tenant_id = @tenant_id");
        List = new("Dashboards.List", $"SELECT {columns} FROM {T("public_dashboards")} WHERE tenant_id = @tenant_id ORDER BY title, id");
        FindPublished = new("Dashboards.FindPublished", $"SELECT {columns} FROM {T("public_dashboards")} WHERE slug = @slug AND published = 1");

        // Only repositories still tracked in the dashboard's own tenant, whatever the link table holds.
        var shown = $"FROM {T("public_dashboard_repositories")} d JOIN {T("public_dashboards")} p ON p.id = d.dashboard_id "
            + $"JOIN {T("repositories")} r ON r.id = d.repo_id AND r.tenant_id = p.tenant_id WHERE r.removed_at IS NULL";
        ListRepositories = new("Dashboards.ListRepositories", $"SELECT {links} {shown} AND d.dashboard_id = @dashboard_id ORDER BY d.repo_id");
        ListTenantRepositories = new("Dashboards.ListTenantRepositories", $"SELECT {links} {shown} AND p.tenant_id = @tenant_id ORDER BY d.repo_id");
        AddRepository = new("Dashboards.AddRepository",
            $"INSERT INTO {T("public_dashboard_repositories")} (dashboard_id, repo_id) VALUES (@dashboard_id, @repo_id)");
        ClearRepositories = new("Dashboards.ClearRepositories", $"DELETE FROM {T("public_dashboard_repositories")} WHERE dashboard_id = @dashboard_id");
        Delete = new("Dashboards.Delete", $"DELETE FROM {T("public_dashboards")} WHERE id = @dashboard_id AND tenant_id = @tenant_id");
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement RepositoryTracked { get; }

    public SqlStatement Insert { get; }

    public SqlStatement Update { get; }

    public SqlStatement SetPublished { get; }

    public SqlStatement Get { get; }

    public SqlStatement List { get; }

    public SqlStatement FindPublished { get; }

    public SqlStatement ListRepositories { get; }

    public SqlStatement ListTenantRepositories { get; }

    public SqlStatement AddRepository { get; }

    public SqlStatement ClearRepositories { get; }

    public SqlStatement Delete { get; }
}
