using FluentMigrator.Runner;

namespace GhStats.Storage.Migrations;

/// <summary>
/// The DDL of GhStats' whole schema for one database, written without connecting to it, for a DBA to review and apply
/// (<c>migrate --script &lt;provider&gt;</c>). Provider packages call it with their FluentMigrator generator.
/// </summary>
public static class SchemaScript
{
    /// <summary>Writes the DDL of every migration for a provider without connecting to any database.</summary>
    /// <param name="configureRunner">Adds the provider's FluentMigrator generator, e.g. <c>runner =&gt; runner.AddSQLite()</c>.</param>
    /// <param name="schema">The schema the tables live in, or null for a database without schemas (SQLite).</param>
    /// <returns>The script: one statement after another, as FluentMigrator's preview writes them.</returns>
    public static string Generate(Action<IMigrationRunnerBuilder> configureRunner, string? schema)
    {
        ArgumentNullException.ThrowIfNull(configureRunner);
        return SchemaMigrator.GenerateScript(configureRunner, schema);
    }
}
