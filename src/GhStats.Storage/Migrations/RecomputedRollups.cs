using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// On PostgreSQL, the rollups computed again from the stored days. Until this version, migrations 5 and 17 named
/// PostgreSQL by an id FluentMigrator does not give it ("Postgres"), so their back-fills ran on SQLite and Db2 only: a
/// PostgreSQL database that was upgraded through version 17 got no blocks for the days it already held (its tenant
/// summaries counted only what was written after the upgrade). The blocks are derived data: they are deleted and
/// back-filled from <c>traffic_daily</c> as version 17 meant to. (Migration 5's coverage back-fill is not run again: it
/// reads the run history as it was before version 5, and days it would have proven stay partial, a lower bound.)
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(21, "GhStats rollups recomputed on PostgreSQL")]
public sealed class RecomputedRollups(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        IfDatabase("PostgreSQL").Execute.Sql($"DELETE FROM {Qualified("traffic_rollups")}");
        foreach (var statement in TrafficRollups.PostgresBackFill(SchemaName))
        {
            IfDatabase("PostgreSQL").Execute.Sql(statement);
        }
    }
}
