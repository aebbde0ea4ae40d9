using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Each repository's latest counters (<c>repo_daily_stats</c>' row with the latest day) kept on its <c>repositories</c>
/// row: <c>latest_stats_day</c> and the five counters. A tenant summary shows each repository's last counters in its
/// range; when the range ends on or after that day (a range up to today, the usual one), they are the ones on the row,
/// read with the repository instead of one index seek per repository. The store keeps them in the same transaction as
/// every write of counters (the day only moves forward); this migration back-fills them from the stored counters.
/// Measured in bench/README.md, "cold".
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(19, "GhStats latest repository counters")]
public sealed class LatestRepositoryStats(StoreSchema schema) : SchemaMigration(schema)
{
    /// <summary>The counters' columns on <c>repositories</c>, each with its column in <c>repo_daily_stats</c>.</summary>
    private static readonly (string Latest, string Daily)[] Counters =
    [
        ("latest_stars", "stars"), ("latest_forks", "forks"), ("latest_watchers", "watchers"),
        ("latest_open_issues", "open_issues"), ("latest_size_kb", "size_kb"),
    ];

    /// <inheritdoc />
    public override void Up()
    {
        var repositories = Alter.Table("repositories");
        var columns = (SchemaName is null ? repositories : repositories.InSchema(SchemaName))
            .AddColumn("latest_stats_day").AsDate().Nullable();
        foreach (var (latest, _) in Counters)
        {
            columns = latest == "latest_size_kb" ? columns.AddColumn(latest).AsInt64().Nullable() : columns.AddColumn(latest).AsInt32().Nullable();
        }

        // Plain correlated updates, the same on the three databases; the outer table is named in full (schema.table.column).
        var table = Qualified("repositories");
        Execute.Sql($"UPDATE {table} SET latest_stats_day = (SELECT MAX(s.day) FROM {Qualified("repo_daily_stats")} s WHERE s.repo_id = {table}.id)");
        foreach (var (latest, daily) in Counters)
        {
            Execute.Sql(
                $"UPDATE {table} SET {latest} = (SELECT s.{daily} FROM {Qualified("repo_daily_stats")} s " +
                $"WHERE s.repo_id = {table}.id AND s.day = {table}.latest_stats_day) WHERE latest_stats_day IS NOT NULL");
        }
    }
}
