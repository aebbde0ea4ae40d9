using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// On SQLite, the per-day tables become <c>WITHOUT ROWID</c> tables (<c>traffic_daily</c>, <c>repo_daily_stats</c>,
/// <c>traffic_rollups</c>): their rows are stored in their primary key's order, so a range of the key (a repository's
/// days, a tenant's run of blocks) is read from consecutive pages instead of one lookup per row into a table kept in
/// insertion order. The file also loses the key's second copy (an index beside the table). Each table is rebuilt with
/// the same columns and constraints and its rows copied; the other databases keep their tables (PostgreSQL and Db2 have
/// no rowid). Measured in bench/README.md, "cold".
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(18, "GhStats clustered daily tables")]
public sealed class ClusteredDailyTables(StoreSchema schema) : SchemaMigration(schema)
{
    /// <summary>Each table's definition at version 17 (as FluentMigrator created it), now clustered by its key.</summary>
    private static readonly (string Table, string Definition)[] Tables =
    [
        ("traffic_daily",
            "\"repo_id\" INTEGER NOT NULL, \"day\" DATETIME NOT NULL, \"views\" INTEGER NOT NULL, \"unique_views\" INTEGER NOT NULL, " +
            "\"clones\" INTEGER NOT NULL, \"unique_clones\" INTEGER NOT NULL, \"coverage\" INTEGER NOT NULL DEFAULT 1, " +
            "CONSTRAINT \"pk_traffic_daily\" PRIMARY KEY (\"repo_id\", \"day\"), " +
            "CONSTRAINT \"fk_traffic_daily_repositories\" FOREIGN KEY (\"repo_id\") REFERENCES \"repositories\" (\"id\")"),
        ("repo_daily_stats",
            "\"repo_id\" INTEGER NOT NULL, \"day\" DATETIME NOT NULL, \"stars\" INTEGER NOT NULL, \"forks\" INTEGER NOT NULL, " +
            "\"watchers\" INTEGER NOT NULL, \"open_issues\" INTEGER NOT NULL, \"size_kb\" INTEGER NOT NULL, " +
            "CONSTRAINT \"pk_repo_daily_stats\" PRIMARY KEY (\"repo_id\", \"day\"), " +
            "CONSTRAINT \"fk_repo_daily_stats_repositories\" FOREIGN KEY (\"repo_id\") REFERENCES \"repositories\" (\"id\")"),
        ("traffic_rollups",
            "\"tenant_id\" INTEGER NOT NULL, \"span\" INTEGER NOT NULL, \"block_start\" INTEGER NOT NULL, \"repo_id\" INTEGER NOT NULL, " +
            "\"views\" INTEGER NOT NULL, \"clones\" INTEGER NOT NULL, \"peak_unique_views\" INTEGER NOT NULL, " +
            "\"peak_unique_clones\" INTEGER NOT NULL, \"days\" INTEGER NOT NULL, \"partial_days\" INTEGER NOT NULL, " +
            "CONSTRAINT \"pk_traffic_rollups\" PRIMARY KEY (\"tenant_id\", \"span\", \"block_start\", \"repo_id\"), " +
            "CONSTRAINT \"fk_traffic_rollups_repositories\" FOREIGN KEY (\"repo_id\") REFERENCES \"repositories\" (\"id\")"),
    ];

    /// <inheritdoc />
    public override void Up()
    {
        // No other table refers to these three, so each can be dropped and its copy renamed in the migration's transaction.
        foreach (var (table, definition) in Tables)
        {
            var copy = $"{table}_clustered";
            IfDatabase("SQLite").Execute.Sql($"CREATE TABLE \"{copy}\" ({definition}) WITHOUT ROWID");
            IfDatabase("SQLite").Execute.Sql($"INSERT INTO \"{copy}\" SELECT * FROM \"{table}\"");
            IfDatabase("SQLite").Execute.Sql($"DROP TABLE \"{table}\"");
            IfDatabase("SQLite").Execute.Sql($"ALTER TABLE \"{copy}\" RENAME TO \"{table}\"");
        }
    }
}
