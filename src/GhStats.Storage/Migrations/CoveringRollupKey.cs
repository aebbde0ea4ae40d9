using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// On PostgreSQL, <c>traffic_rollups</c>' primary key carries the blocks' values (<c>INCLUDE</c>), so a tenant summary
/// reads each run of blocks from the key alone (an index-only scan) instead of one visit to the table per block: the
/// table keeps rows in the order they were written, not the key's. The key's columns and name stay; the blocks' upserts
/// name the same columns. SQLite keeps the table in key order already (<see cref="ClusteredDailyTables"/>); Db2 keeps its
/// key as it is. Measured in bench/README.md, "cold".
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(20, "GhStats covering rollup key")]
public sealed class CoveringRollupKey(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        var table = Qualified("traffic_rollups");

        // One statement: the table is never without its key.
        IfDatabase("PostgreSQL").Execute.Sql(
            $"ALTER TABLE {table} DROP CONSTRAINT pk_traffic_rollups, " +
            "ADD CONSTRAINT pk_traffic_rollups PRIMARY KEY (tenant_id, span, block_start, repo_id) " +
            "INCLUDE (views, clones, peak_unique_views, peak_unique_clones, days, partial_days)");
    }
}
