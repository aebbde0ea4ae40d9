using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>The whole schema of DESIGN.md. Text that is ASCII by rule (slugs, GitHub names, kinds) is ANSI; people's text is Unicode.</summary>
/// <param name="schema">The schema.</param>
[Migration(1, "GhStats initial schema")]
public sealed class InitialSchema(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("tenants")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_tenants").Identity()
            .WithColumn("slug").AsAnsiString(FieldLimits.TenantSlug).NotNullable()
            .WithColumn("name").AsString(FieldLimits.TenantName).NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable();
        Index("ux_tenants_slug", "tenants").OnColumn("slug").Unique();

        Table("users")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_users").Identity()
            .WithColumn("issuer").AsAnsiString(FieldLimits.Issuer).NotNullable()
            .WithColumn("subject").AsAnsiString(FieldLimits.Subject).NotNullable()
            .WithColumn("email").AsAnsiString(FieldLimits.Email).Nullable()
            .WithColumn("display_name").AsString(FieldLimits.DisplayName).Nullable()
            .WithColumn("created_at").AsDateTime().NotNullable()
            .WithColumn("last_login_at").AsDateTime().Nullable();
        Index("ux_users_identity", "users").OnColumn("issuer").Ascending().OnColumn("subject").Ascending().WithOptions().Unique();
        Index("ix_users_email", "users").OnColumn("email");

        Table("system_roles")
            .WithColumn("user_id").AsInt64().NotNullable().PrimaryKey("pk_system_roles").ForeignKey("fk_system_roles_users", SchemaName, "users", "id")
            .WithColumn("role").AsAnsiString(20).NotNullable().PrimaryKey("pk_system_roles");

        Table("memberships")
            .WithColumn("tenant_id").AsInt64().NotNullable().PrimaryKey("pk_memberships").ForeignKey("fk_memberships_tenants", SchemaName, "tenants", "id")
            .WithColumn("user_id").AsInt64().NotNullable().PrimaryKey("pk_memberships").ForeignKey("fk_memberships_users", SchemaName, "users", "id")
            .WithColumn("role").AsAnsiString(20).NotNullable();
        Index("ix_memberships_user", "memberships").OnColumn("user_id");

        Table("invitations")
            .WithColumn("tenant_id").AsInt64().NotNullable().PrimaryKey("pk_invitations").ForeignKey("fk_invitations_tenants", SchemaName, "tenants", "id")
            .WithColumn("email").AsAnsiString(FieldLimits.Email).NotNullable().PrimaryKey("pk_invitations")
            .WithColumn("role").AsAnsiString(20).NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable();
        Index("ix_invitations_email", "invitations").OnColumn("email");

        Table("github_connections")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_github_connections").Identity()
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_github_connections_tenants", SchemaName, "tenants", "id")
            .WithColumn("name").AsString(FieldLimits.ConnectionName).NotNullable()
            .WithColumn("kind").AsAnsiString(20).NotNullable()
            .WithColumn("api_base_url").AsAnsiString(FieldLimits.ApiBaseUrl).NotNullable()
            .WithColumn("protected_secret").AsAnsiString(FieldLimits.ProtectedSecret).NotNullable()
            .WithColumn("app_id").AsInt64().Nullable()
            .WithColumn("installation_id").AsInt64().Nullable()
            .WithColumn("created_at").AsDateTime().NotNullable();
        Index("ix_github_connections_tenant", "github_connections").OnColumn("tenant_id");

        Table("repositories")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_repositories").Identity()
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_repositories_tenants", SchemaName, "tenants", "id")
            .WithColumn("connection_id").AsInt64().Nullable().ForeignKey("fk_repositories_connections", SchemaName, "github_connections", "id")
            .WithColumn("owner").AsAnsiString(FieldLimits.RepositoryOwner).NotNullable()
            .WithColumn("name").AsAnsiString(FieldLimits.RepositoryName).NotNullable()
            .WithColumn("github_id").AsInt64().Nullable()
            .WithColumn("added_at").AsDateTime().NotNullable()
            .WithColumn("removed_at").AsDateTime().Nullable()
            .WithColumn("last_collected_at").AsDateTime().Nullable()
            .WithColumn("last_status").AsAnsiString(FieldLimits.RepositoryStatus).Nullable();
        Index("ux_repositories_name", "repositories")
            .OnColumn("tenant_id").Ascending().OnColumn("owner").Ascending().OnColumn("name").Ascending().WithOptions().Unique();

        Table("repo_grants")
            .WithColumn("user_id").AsInt64().NotNullable().PrimaryKey("pk_repo_grants").ForeignKey("fk_repo_grants_users", SchemaName, "users", "id")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_repo_grants").ForeignKey("fk_repo_grants_repositories", SchemaName, "repositories", "id");

        Table("traffic_daily")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_traffic_daily").ForeignKey("fk_traffic_daily_repositories", SchemaName, "repositories", "id")
            .WithColumn("day").AsDate().NotNullable().PrimaryKey("pk_traffic_daily")
            .WithColumn("views").AsInt32().NotNullable()
            .WithColumn("unique_views").AsInt32().NotNullable()
            .WithColumn("clones").AsInt32().NotNullable()
            .WithColumn("unique_clones").AsInt32().NotNullable();

        Table("traffic_weekly")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_traffic_weekly").ForeignKey("fk_traffic_weekly_repositories", SchemaName, "repositories", "id")
            .WithColumn("week_start").AsDate().NotNullable().PrimaryKey("pk_traffic_weekly")
            .WithColumn("views").AsInt32().NotNullable()
            .WithColumn("unique_views").AsInt32().NotNullable()
            .WithColumn("clones").AsInt32().NotNullable()
            .WithColumn("unique_clones").AsInt32().NotNullable();

        Table("referrer_snapshots")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_referrer_snapshots").ForeignKey("fk_referrer_snapshots_repositories", SchemaName, "repositories", "id")
            .WithColumn("captured_on").AsDate().NotNullable().PrimaryKey("pk_referrer_snapshots")
            .WithColumn("referrer").AsAnsiString(FieldLimits.Referrer).NotNullable().PrimaryKey("pk_referrer_snapshots")
            .WithColumn("views").AsInt32().NotNullable()
            .WithColumn("unique_views").AsInt32().NotNullable();

        Table("path_snapshots")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_path_snapshots").ForeignKey("fk_path_snapshots_repositories", SchemaName, "repositories", "id")
            .WithColumn("captured_on").AsDate().NotNullable().PrimaryKey("pk_path_snapshots")
            .WithColumn("path").AsString(FieldLimits.Path).NotNullable().PrimaryKey("pk_path_snapshots")
            .WithColumn("title").AsString(FieldLimits.PathTitle).NotNullable()
            .WithColumn("views").AsInt32().NotNullable()
            .WithColumn("unique_views").AsInt32().NotNullable();

        Table("repo_daily_stats")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_repo_daily_stats").ForeignKey("fk_repo_daily_stats_repositories", SchemaName, "repositories", "id")
            .WithColumn("day").AsDate().NotNullable().PrimaryKey("pk_repo_daily_stats")
            .WithColumn("stars").AsInt32().NotNullable()
            .WithColumn("forks").AsInt32().NotNullable()
            .WithColumn("watchers").AsInt32().NotNullable()
            .WithColumn("open_issues").AsInt32().NotNullable()
            .WithColumn("size_kb").AsInt64().NotNullable();

        // The log outlives what it logged: no foreign keys to tenants or repositories.
        Table("collection_runs")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_collection_runs").Identity()
            .WithColumn("run_trigger").AsAnsiString(20).NotNullable()
            .WithColumn("requested_by").AsString(FieldLimits.RequestedBy).Nullable()
            .WithColumn("tenant_id").AsInt64().Nullable()
            .WithColumn("started_at").AsDateTime().NotNullable()
            .WithColumn("finished_at").AsDateTime().Nullable()
            .WithColumn("status").AsAnsiString(24).NotNullable()
            .WithColumn("repos_total").AsInt32().NotNullable()
            .WithColumn("repos_ok").AsInt32().NotNullable()
            .WithColumn("repos_failed").AsInt32().NotNullable()
            .WithColumn("api_calls").AsInt32().NotNullable()
            .WithColumn("rate_limit_remaining").AsInt32().Nullable();
        Index("ix_collection_runs_status", "collection_runs").OnColumn("status");

        Table("collection_errors")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_collection_errors").Identity()
            .WithColumn("run_id").AsInt64().NotNullable().ForeignKey("fk_collection_errors_runs", SchemaName, "collection_runs", "id")
            .WithColumn("repo_id").AsInt64().Nullable()
            .WithColumn("kind").AsAnsiString(20).NotNullable()
            .WithColumn("message").AsString(FieldLimits.ErrorMessage).NotNullable()
            .WithColumn("occurred_at").AsDateTime().NotNullable();
        Index("ix_collection_errors_run", "collection_errors").OnColumn("run_id");

        Table("api_tokens")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_api_tokens").Identity()
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_api_tokens_users", SchemaName, "users", "id")
            .WithColumn("name").AsString(FieldLimits.TokenName).NotNullable()
            .WithColumn("token_hash").AsAnsiString(FieldLimits.TokenHash).NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable()
            .WithColumn("last_used_at").AsDateTime().Nullable()
            .WithColumn("expires_at").AsDateTime().Nullable()
            .WithColumn("revoked_at").AsDateTime().Nullable();
        Index("ux_api_tokens_hash", "api_tokens").OnColumn("token_hash").Unique();
        Index("ix_api_tokens_user", "api_tokens").OnColumn("user_id");

        Table("leases")
            .WithColumn("name").AsAnsiString(FieldLimits.LeaseName).NotNullable().PrimaryKey("pk_leases")
            .WithColumn("holder").AsAnsiString(FieldLimits.LeaseHolder).NotNullable()
            .WithColumn("expires_at").AsDateTime().NotNullable();

        Table("data_protection_keys")
            .WithColumn("friendly_name").AsAnsiString(FieldLimits.DataProtectionKeyName).NotNullable().PrimaryKey("pk_data_protection_keys")
            .WithColumn("xml").AsAnsiString(FieldLimits.DataProtectionKeyXml).NotNullable();
    }
}
