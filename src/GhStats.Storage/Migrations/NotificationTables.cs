using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Notifications: a tenant's channels, people's subscriptions, the events raised (a key once each per tenant), the outbox
/// of one message per event and destination, the delivery log, and the open trouble conditions. Like every tenant-owned
/// table they have no cascades: deleting a tenant deletes their rows first. The delivery log has no foreign keys: a line
/// outlives the channel and the message it names.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(6, "GhStats notifications")]
public sealed class NotificationTables(StoreSchema schema) : SchemaMigration(schema)
{
    /// <summary>An event id: a GUID as text ("D" format), which every database compares alike.</summary>
    public const int EventIdLength = 36;

    /// <inheritdoc />
    public override void Up()
    {
        Table("notification_channels")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_notification_channels").Identity()
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_notification_channels_tenants", SchemaName, "tenants", "id")
            .WithColumn("name").AsString(FieldLimits.ChannelName).NotNullable()
            .WithColumn("kind").AsAnsiString(20).NotNullable()
            .WithColumn("topics").AsInt32().NotNullable()
            .WithColumn("recipients").AsString(FieldLimits.ChannelRecipients).Nullable()
            .WithColumn("protected_secret").AsAnsiString(FieldLimits.ProtectedSecret).Nullable()
            .WithColumn("created_at").AsDateTime().NotNullable()
            .WithColumn("created_by").AsString(FieldLimits.AuditActor).Nullable();
        Index("ux_notification_channels_name", "notification_channels")
            .OnColumn("tenant_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();

        Table("notification_subscriptions")
            .WithColumn("user_id").AsInt64().NotNullable().PrimaryKey("pk_notification_subscriptions").ForeignKey("fk_notification_subscriptions_users", SchemaName, "users", "id")
            .WithColumn("tenant_id").AsInt64().NotNullable().PrimaryKey("pk_notification_subscriptions").ForeignKey("fk_notification_subscriptions_tenants", SchemaName, "tenants", "id")
            .WithColumn("topics").AsInt32().NotNullable()
            .WithColumn("created_at").AsDateTime().NotNullable();
        Index("ix_notification_subscriptions_tenant", "notification_subscriptions").OnColumn("tenant_id");

        Table("notification_events")
            .WithColumn("id").AsAnsiString(EventIdLength).NotNullable().PrimaryKey("pk_notification_events")
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_notification_events_tenants", SchemaName, "tenants", "id")
            .WithColumn("kind").AsAnsiString(FieldLimits.NotificationKind).NotNullable()
            .WithColumn("topic").AsInt32().NotNullable()
            .WithColumn("event_key").AsString(FieldLimits.NotificationKey).NotNullable()
            .WithColumn("payload").AsString(FieldLimits.NotificationPayload).NotNullable()
            .WithColumn("occurred_at").AsDateTime().NotNullable();
        Index("ux_notification_events_key", "notification_events")
            .OnColumn("tenant_id").Ascending().OnColumn("event_key").Ascending().WithOptions().Unique();

        Table("notification_outbox")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_notification_outbox").Identity()
            .WithColumn("event_id").AsAnsiString(EventIdLength).NotNullable().ForeignKey("fk_notification_outbox_events", SchemaName, "notification_events", "id")
            .WithColumn("tenant_id").AsInt64().NotNullable().ForeignKey("fk_notification_outbox_tenants", SchemaName, "tenants", "id")
            .WithColumn("channel_id").AsInt64().Nullable().ForeignKey("fk_notification_outbox_channels", SchemaName, "notification_channels", "id")
            .WithColumn("user_id").AsInt64().Nullable().ForeignKey("fk_notification_outbox_users", SchemaName, "users", "id")
            .WithColumn("state").AsAnsiString(20).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("next_attempt_at").AsDateTime().NotNullable()
            .WithColumn("claimed_by").AsAnsiString(FieldLimits.LeaseHolder).Nullable()
            .WithColumn("claimed_until").AsDateTime().Nullable();
        Index("ix_notification_outbox_due", "notification_outbox").OnColumn("state").Ascending().OnColumn("next_attempt_at").Ascending();
        Index("ix_notification_outbox_channel", "notification_outbox").OnColumn("channel_id");
        Index("ix_notification_outbox_event", "notification_outbox").OnColumn("event_id");

        Table("notification_deliveries")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_notification_deliveries").Identity()
            .WithColumn("message_id").AsInt64().NotNullable()
            .WithColumn("event_id").AsAnsiString(EventIdLength).NotNullable()
            .WithColumn("tenant_id").AsInt64().NotNullable()
            .WithColumn("channel_id").AsInt64().Nullable()
            .WithColumn("user_id").AsInt64().Nullable()
            .WithColumn("kind").AsAnsiString(FieldLimits.NotificationKind).NotNullable()
            .WithColumn("attempt").AsInt32().NotNullable()
            .WithColumn("attempted_at").AsDateTime().NotNullable()
            .WithColumn("succeeded").AsInt32().NotNullable()
            .WithColumn("outcome").AsString(FieldLimits.DeliveryOutcome).NotNullable()
            .WithColumn("will_retry").AsInt32().NotNullable();
        Index("ix_notification_deliveries_tenant", "notification_deliveries").OnColumn("tenant_id").Ascending().OnColumn("id").Descending();

        Table("notification_conditions")
            .WithColumn("tenant_id").AsInt64().NotNullable().PrimaryKey("pk_notification_conditions").ForeignKey("fk_notification_conditions_tenants", SchemaName, "tenants", "id")
            .WithColumn("condition_key").AsString(FieldLimits.ConditionKey).NotNullable().PrimaryKey("pk_notification_conditions")
            .WithColumn("opened_at").AsDateTime().NotNullable()
            .WithColumn("summary").AsString(FieldLimits.ConditionSummary).NotNullable();
    }
}
