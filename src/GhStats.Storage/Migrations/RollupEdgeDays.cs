using System.Globalization;
using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// A 4-day block of <c>traffic_rollups</c> also carries its four days one by one (<c>day0_views</c> ... <c>day3_coverage</c>;
/// coverage 0 where the day is not stored), so a tenant summary reads a range's edge days (the at most 3 days on each side
/// that no block covers whole) from the blocks too: one range of the rollups' key per day instead of one seek per
/// repository into <c>traffic_daily</c>, whose pages hold one repository's days each (1,000 repositories, 1,000 pages, even
/// for one day). Larger blocks keep zeros there. The store keeps the days in the same upsert as the block's sums (each day
/// column by the maximum rule, as <c>traffic_daily</c> keeps the day); this migration back-fills them from the stored
/// days. On PostgreSQL the rollups' covering key also carries them, so the edge days are read from the key alone, as the
/// blocks are (<see cref="CoveringRollupKey"/>). Measured in bench/README.md, "cold".
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(22, "GhStats rollup edge days")]
public sealed class RollupEdgeDays(StoreSchema schema) : SchemaMigration(schema)
{
    /// <summary>A day's values in a block, each with its column in <c>traffic_daily</c>.</summary>
    private static readonly string[] Values = ["views", "unique_views", "clones", "unique_clones", "coverage"];

    /// <summary>The new columns: for each of the block's 4 days, its values (the store's <c>TrafficStatements.DayBlockShape</c>).</summary>
    private static IEnumerable<(int Offset, string Value, string Column)> Columns() =>
        Enumerable.Range(0, 4).SelectMany(offset => Values.Select(value => (offset, value, Column(offset, value))));

    /// <summary>The column of a day's value in a block: <c>day{offset}_{value}</c>.</summary>
    /// <param name="offset">The day's place in its block, 0 to 3.</param>
    /// <param name="value">The value's column in <c>traffic_daily</c>.</param>
    /// <returns>The column's name.</returns>
    private static string Column(int offset, string value) => string.Create(CultureInfo.InvariantCulture, $"day{offset}_{value}");

    /// <inheritdoc />
    public override void Up()
    {
        var rollups = Alter.Table("traffic_rollups");
        var columns = (SchemaName is null ? rollups : rollups.InSchema(SchemaName)).AddColumn(Column(0, Values[0])).AsInt32().NotNullable().WithDefaultValue(0);
        foreach (var (_, _, column) in Columns().Skip(1))
        {
            columns = columns.AddColumn(column).AsInt32().NotNullable().WithDefaultValue(0);
        }

        IfDatabase("SQLite").Execute.Sql(BackFill(d => $"CAST(julianday({d}) - 1721425.5 AS INTEGER)", (a, b) => $"({a} % {b})", merge: false));
        IfDatabase("PostgreSQL").Execute.Sql(BackFill(d => $"({d} - DATE '0001-01-01')", (a, b) => $"MOD({a}, {b})", merge: false));
        IfDatabase("DB2").Execute.Sql(BackFill(d => $"(DAYS({d}) - 1)", (a, b) => $"MOD({a}, {b})", merge: true));

        // The covering key of migration 20 carries the days too (one statement: the table is never without its key).
        IfDatabase("PostgreSQL").Execute.Sql(
            $"ALTER TABLE {Qualified("traffic_rollups")} DROP CONSTRAINT pk_traffic_rollups, " +
            "ADD CONSTRAINT pk_traffic_rollups PRIMARY KEY (tenant_id, span, block_start, repo_id) " +
            $"INCLUDE (views, clones, peak_unique_views, peak_unique_clones, days, partial_days, {string.Join(", ", Columns().Select(c => c.Column))})");
    }

    /// <summary>
    /// One statement: each 4-day block's days from <c>traffic_daily</c>, grouped by block (a day's value where its day
    /// number's remainder is its offset); an UPDATE from the grouped days on SQLite and PostgreSQL, a MERGE on Db2.
    /// </summary>
    private string BackFill(Func<string, string> dayNumber, Func<string, string, string> remainder, bool merge)
    {
        var day = dayNumber("d.day");
        var start = $"{day} - {remainder(day, "4")}";
        var grouped =
            $"SELECT d.repo_id, {start} AS block_start, " +
            string.Join(", ", Columns().Select(c => $"MAX(CASE WHEN {remainder(day, "4")} = {c.Offset} THEN d.{c.Value} ELSE 0 END) AS {c.Column}")) +
            $" FROM {Qualified("traffic_daily")} d GROUP BY d.repo_id, {start}";
        var table = Qualified("traffic_rollups");
        return merge
            ? $"MERGE INTO {table} b USING ({grouped}) x ON b.span = 4 AND b.repo_id = x.repo_id AND b.block_start = x.block_start " +
              $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", Columns().Select(c => $"{c.Column} = x.{c.Column}"))}"
            : $"UPDATE {table} SET {string.Join(", ", Columns().Select(c => $"{c.Column} = x.{c.Column}"))} FROM ({grouped}) x " +
              $"WHERE {table}.span = 4 AND {table}.repo_id = x.repo_id AND {table}.block_start = x.block_start";
    }
}
