using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Owners' notes on days (<c>annotations</c>): on one repository (<c>repo_id</c>), or on the whole tenant (<c>repo_id</c>
/// null). Like every tenant-owned table no cascades: deleting a tenant or purging a repository deletes its notes first.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(10, "GhStats annotations")]
public sealed class DayAnnotations(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("annotations")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_annotations").Identity()
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_annotations_tenants", SchemaName, "tenants", "id")
            .WithColumn("repo_id").AsInt64().Nullable().ForeignKey("fk_annotations_repositories", SchemaName, "repositories", "id")
            .WithColumn("day").AsDate().NotNullable()
            .WithColumn("note").AsString(FieldLimits.AnnotationText).NotNullable()
            .WithColumn("link").AsString(FieldLimits.AnnotationLink).Nullable()
            .WithColumn("created_by").AsString(FieldLimits.AuditActor).NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable();
        Index("ix_annotations_tenant_day", "annotations").OnColumn("tenant_id").Ascending().OnColumn("day").Ascending();
        Index("ix_annotations_repo_day", "annotations").OnColumn("repo_id").Ascending().OnColumn("day").Ascending();
    }
}
