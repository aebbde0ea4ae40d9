using FluentMigrator.Runner;
using GhStats.Storage.Migrations;

namespace GhStats.Sqlite;

/// <summary>GhStats' schema as SQLite DDL.</summary>
public static class SqliteSchema
{
    /// <summary>Writes the DDL of every migration for SQLite, without a database.</summary>
    /// <returns>The script.</returns>
    public static string GenerateScript() => SchemaScript.Generate(runner => runner.AddSQLite(), schema: null);
}
