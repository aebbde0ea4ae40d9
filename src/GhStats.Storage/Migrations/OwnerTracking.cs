using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>Owner-wide tracking, and when each repository's weekly figures were last read.</summary>
/// <param name="schema">The schema.</param>
[Migration(2, "GhStats owner-wide tracking and weekly collection day")]
public sealed class OwnerTracking(StoreSchema schema) : SchemaMigration(schema)
{
    /// <summary>The longest comma-separated list of name patterns.</summary>
    public const int PatternsLength = 1000;

    /// <inheritdoc />
    public override void Up()
    {
        Table("tracked_owners")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_tracked_owners").Identity()
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_tracked_owners_tenants", SchemaName, "tenants", "id")
            .WithColumn("connection_id").AsInt64().Nullable().ForeignKey("fk_tracked_owners_connections", SchemaName, "github_connections", "id")
            .WithColumn("owner").AsAnsiString(FieldLimits.RepositoryOwner).NotNullable()
            .WithColumn("include_patterns").AsAnsiString(PatternsLength).Nullable()
            .WithColumn("exclude_patterns").AsAnsiString(PatternsLength).Nullable()
            .WithColumn("skip_forks").AsInt32().NotNullable()
            .WithColumn("skip_archived").AsInt32().NotNullable()
            .WithColumn("added_at").AsDateTime().NotNullable();
        Index("ux_tracked_owners_owner", "tracked_owners").OnColumn("tenant_id").Ascending().OnColumn("owner").Ascending().WithOptions().Unique();

        var repositories = Alter.Table("repositories");
        (SchemaName is null ? repositories : repositories.InSchema(SchemaName))
            .AddColumn("weekly_collected_on").AsDate().Nullable();
    }
}
