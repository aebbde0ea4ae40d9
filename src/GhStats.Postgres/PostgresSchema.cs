using FluentMigrator.Runner;
using GhStats.Storage.Migrations;

namespace GhStats.Postgres;

/// <summary>GhStats' schema as PostgreSQL DDL.</summary>
public static class PostgresSchema
{
    /// <summary>Writes the DDL of every migration for PostgreSQL, without a connection, for DBAs who apply it by hand.</summary>
    /// <param name="schema">The schema that will hold the tables.</param>
    /// <returns>The script.</returns>
    public static string GenerateScript(string schema = "ghstats") => SchemaScript.Generate(runner => runner.AddPostgres(), schema);
}
