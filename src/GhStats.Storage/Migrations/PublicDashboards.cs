using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Public dashboards and the repositories each shows. The slug is unique in the installation, since the public address
/// names no tenant; frame origins are one space-separated list, as a Content-Security-Policy writes them.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(11, "GhStats public dashboards")]
public sealed class PublicDashboards(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("public_dashboards")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_public_dashboards").Identity()
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_public_dashboards_tenants", SchemaName, "tenants", "id")
            .WithColumn("slug").AsAnsiString(FieldLimits.DashboardSlug).NotNullable()
            .WithColumn("title").AsString(FieldLimits.DashboardTitle).NotNullable()
            .WithColumn("show_referrers").AsInt32().NotNullable()
            .WithColumn("show_paths").AsInt32().NotNullable()
            .WithColumn("frame_origins").AsAnsiString(FieldLimits.DashboardFrameOrigins).Nullable()
            .WithColumn("published").AsInt32().NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable()
            .WithColumn("updated_at").AsDateTime().NotNullable();
        Index("ux_public_dashboards_slug", "public_dashboards").OnColumn("slug").Ascending().WithOptions().Unique();
        Index("ix_public_dashboards_tenant", "public_dashboards").OnColumn("tenant_id");

        Table("public_dashboard_repositories")
            .WithColumn("dashboard_id").AsInt64().NotNullable().PrimaryKey("pk_public_dashboard_repositories")
                .ForeignKey("fk_public_dashboard_repositories_dashboards", SchemaName, "public_dashboards", "id")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_public_dashboard_repositories")
                .ForeignKey("fk_public_dashboard_repositories_repositories", SchemaName, "repositories", "id");
        Index("ix_public_dashboard_repositories_repo", "public_dashboard_repositories").OnColumn("repo_id");
    }
}
