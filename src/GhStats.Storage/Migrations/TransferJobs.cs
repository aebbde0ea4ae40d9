using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Imports and restores started from the web, with their progress, heartbeat and report, so that every replica shows a
/// job one replica runs. A job of no tenant restores an installation archive. Like every tenant-owned table it has no
/// cascade: deleting a tenant deletes its jobs first. The report is long text (a CLOB on Db2): hundreds of KB of JSON.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(13, "GhStats transfer jobs")]
public sealed class TransferJobs(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("transfer_jobs")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_transfer_jobs").Identity()
            .WithColumn("tenant_id").AsInt64().Nullable().ForeignKey("fk_transfer_jobs_tenants", SchemaName, "tenants", "id")
            .WithColumn("kind").AsAnsiString(20).NotNullable()
            .WithColumn("source").AsAnsiString(FieldLimits.TransferSource).NotNullable()
            .WithColumn("file_name").AsString(FieldLimits.TransferFileName).NotNullable()
            .WithColumn("file_bytes").AsInt64().NotNullable()
            .WithColumn("dry_run").AsInt32().NotNullable()
            .WithColumn("requested_by").AsString(FieldLimits.AuditActor).NotNullable()
            .WithColumn("state").AsAnsiString(20).NotNullable()
            .WithColumn("phase").AsString(FieldLimits.TransferPhase).NotNullable()
            .WithColumn("done").AsInt64().NotNullable()
            .WithColumn("total").AsInt64().NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable()
            .WithColumn("started_at").AsDateTime().Nullable()
            .WithColumn("heartbeat_at").AsDateTime().Nullable()
            .WithColumn("finished_at").AsDateTime().Nullable()
            .WithColumn("report").AsString(FieldLimits.TransferReport).Nullable()
            .WithColumn("error").AsString(FieldLimits.ErrorMessage).Nullable();
        Index("ix_transfer_jobs_tenant", "transfer_jobs").OnColumn("tenant_id").Ascending().OnColumn("id").Descending();

        // The stale-job sweep every replica runs looks for the few queued and running jobs.
        Index("ix_transfer_jobs_state", "transfer_jobs").OnColumn("state");
    }
}
