using System.Globalization;
using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Per-repository rollups of <c>traffic_daily</c> (<c>traffic_rollups</c>), so a tenant summary over any range reads a
/// few aligned blocks per repository instead of every day: blocks of 4, 16, 64, 256 and 1,024 days (<c>span</c>), each
/// starting on a day number (<see cref="DateOnly.DayNumber"/>, days since 0001-01-01) that is a multiple of its span,
/// with the sums of views, clones, stored days and partial days and the peak daily uniques (a maximum, never a sum).
/// Keyed by tenant first: a summary reads each run of blocks of a tenant as one range of the key. The store keeps the
/// blocks in the same transaction as every write of daily traffic; this migration back-fills them from the stored days,
/// each span from the one below (a block is the sum of its 4 children).
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(17, "GhStats traffic rollups")]
public sealed class TrafficRollups(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("traffic_rollups")
            .WithColumn("tenant_id").AsInt64().NotNullable().PrimaryKey("pk_traffic_rollups")
            .WithColumn("span").AsInt32().NotNullable().PrimaryKey("pk_traffic_rollups")
            .WithColumn("block_start").AsInt32().NotNullable().PrimaryKey("pk_traffic_rollups")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_traffic_rollups").ForeignKey("fk_traffic_rollups_repositories", SchemaName, "repositories", "id")
            .WithColumn("views").AsInt64().NotNullable()
            .WithColumn("clones").AsInt64().NotNullable()
            .WithColumn("peak_unique_views").AsInt32().NotNullable()
            .WithColumn("peak_unique_clones").AsInt32().NotNullable()
            .WithColumn("days").AsInt32().NotNullable()
            .WithColumn("partial_days").AsInt32().NotNullable();

        // The only dialect differences: a date's day number and the remainder of a division.
        foreach (var statement in BackFill(SchemaName, d => $"CAST(julianday({d}) - 1721425.5 AS INTEGER)", (a, b) => $"({a} % {b})"))
        {
            IfDatabase("SQLite").Execute.Sql(statement);
        }

        foreach (var statement in PostgresBackFill(SchemaName))
        {
            IfDatabase("PostgreSQL").Execute.Sql(statement);
        }

        foreach (var statement in BackFill(SchemaName, d => $"(DAYS({d}) - 1)", (a, b) => $"MOD({a}, {b})"))
        {
            IfDatabase("DB2").Execute.Sql(statement);
        }
    }

    /// <summary>The spans, smallest first; each is 4 times the one before (the store's <c>TrafficBlocks.Spans</c>).</summary>
    private static readonly int[] Spans = [4, 16, 64, 256, 1024];

    private const string Columns = "tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days";

    /// <summary>The back-fill on PostgreSQL, also run again by <see cref="RecomputedRollups"/>.</summary>
    /// <param name="schema">The schema, or null.</param>
    /// <returns>The statements, in order.</returns>
    internal static List<string> PostgresBackFill(string? schema) =>
        BackFill(schema, d => $"({d} - DATE '0001-01-01')", (a, b) => $"MOD({a}, {b})");

    /// <summary>One INSERT per span, in order: the smallest from the days, each larger one from the span below.</summary>
    private static List<string> BackFill(string? schema, Func<string, string> dayNumber, Func<string, string, string> remainder)
    {
        var statements = new List<string>();
        var first = Spans[0].ToString(CultureInfo.InvariantCulture);
        var day = dayNumber("d.day");
        statements.Add(
            $"INSERT INTO {Qualified(schema, "traffic_rollups")} ({Columns}) " +
            $"SELECT r.tenant_id, {first}, {day} - {remainder(day, first)}, d.repo_id, SUM(CAST(d.views AS BIGINT)), SUM(CAST(d.clones AS BIGINT)), " +
            "MAX(d.unique_views), MAX(d.unique_clones), COUNT(*), SUM(CASE WHEN d.coverage = 2 THEN 0 ELSE 1 END) " +
            $"FROM {Qualified(schema, "traffic_daily")} d JOIN {Qualified(schema, "repositories")} r ON r.id = d.repo_id " +
            $"GROUP BY r.tenant_id, d.repo_id, {day} - {remainder(day, first)}");

        for (var i = 1; i < Spans.Length; i++)
        {
            var span = Spans[i].ToString(CultureInfo.InvariantCulture);
            var below = Spans[i - 1].ToString(CultureInfo.InvariantCulture);
            var start = $"b.block_start - {remainder("b.block_start", span)}";
            statements.Add(
                $"INSERT INTO {Qualified(schema, "traffic_rollups")} ({Columns}) " +
                $"SELECT b.tenant_id, {span}, {start}, b.repo_id, SUM(b.views), SUM(b.clones), " +
                "MAX(b.peak_unique_views), MAX(b.peak_unique_clones), SUM(b.days), SUM(b.partial_days) " +
                $"FROM {Qualified(schema, "traffic_rollups")} b WHERE b.span = {below} " +
                $"GROUP BY b.tenant_id, b.repo_id, {start}");
        }

        return statements;
    }
}
