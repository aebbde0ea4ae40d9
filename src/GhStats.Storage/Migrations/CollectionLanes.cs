using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// The lanes of collection runs, one per tenant and connection, each claimed under a lease by one collector process, so
/// several replicas collect a run side by side. Like the run's errors, a lane belongs to its run (no cascade) and keeps
/// no foreign key to the tenant or the connection: the log outlives what it logged. The claim looks among a run's lanes
/// (the primary key); the Owner's plan reads the newest finished lane of each of a tenant's connections.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(15, "GhStats collection lanes")]
public sealed class CollectionLanes(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("collection_lanes")
            .WithColumn("run_id").AsInt64().NotNullable().PrimaryKey("pk_collection_lanes").ForeignKey("fk_collection_lanes_runs", SchemaName, "collection_runs", "id")
            .WithColumn("lane_key").AsAnsiString(FieldLimits.CollectionLaneKey).NotNullable().PrimaryKey("pk_collection_lanes")
            .WithColumn("tenant_id").AsInt64().NotNullable()
            .WithColumn("connection_id").AsInt64().Nullable()
            .WithColumn("status").AsAnsiString(20).NotNullable()
            .WithColumn("holder").AsAnsiString(FieldLimits.LeaseHolder).Nullable()
            .WithColumn("lease_expires_at").AsDateTime().Nullable()
            .WithColumn("repos_total").AsInt32().NotNullable()
            .WithColumn("repos_ok").AsInt32().NotNullable()
            .WithColumn("repos_failed").AsInt32().NotNullable()
            .WithColumn("repos_deferred").AsInt32().NotNullable()
            .WithColumn("api_calls").AsInt32().NotNullable()
            .WithColumn("rate_limit").AsInt32().Nullable()
            .WithColumn("rate_limit_remaining").AsInt32().Nullable()
            .WithColumn("deferred_because").AsString(FieldLimits.CollectionLaneDeferredBecause).Nullable()
            .WithColumn("started_at").AsDateTime().Nullable()
            .WithColumn("finished_at").AsDateTime().Nullable();
        Index("ix_collection_lanes_tenant_finished", "collection_lanes").OnColumn("tenant_id").Ascending().OnColumn("finished_at").Descending();
    }
}
