using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// The audit log. No foreign keys on purpose: an entry outlives the tenant, person or connection it names, and the
/// store never updates or deletes a row.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(4, "GhStats audit log")]
public sealed class AuditLog(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("audit_entries")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_audit_entries").Identity()
            .WithColumn("occurred_at").AsDateTime().NotNullable()
            .WithColumn("actor_kind").AsAnsiString(20).NotNullable()
            .WithColumn("actor_user_id").AsInt64().Nullable()
            .WithColumn("actor_name").AsString(FieldLimits.AuditActor).NotNullable()
            .WithColumn("tenant_id").AsInt64().Nullable()
            .WithColumn("action").AsAnsiString(FieldLimits.AuditAction).NotNullable()
            .WithColumn("target_kind").AsAnsiString(FieldLimits.AuditTargetKind).Nullable()
            .WithColumn("target_id").AsString(FieldLimits.AuditTargetId).Nullable()
            .WithColumn("target_name").AsString(FieldLimits.AuditTargetName).Nullable()
            .WithColumn("details").AsString(FieldLimits.AuditDetails).Nullable()
            .WithColumn("client_address").AsAnsiString(FieldLimits.ClientAddress).Nullable();
        Index("ix_audit_entries_tenant", "audit_entries").OnColumn("tenant_id").Ascending().OnColumn("id").Descending();
        Index("ix_audit_entries_occurred", "audit_entries").OnColumn("occurred_at");
    }
}
