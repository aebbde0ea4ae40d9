using FluentMigrator;
using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Builders.Create.Table;

namespace GhStats.Storage.Migrations;

/// <summary>A migration that writes every table and index into the store's schema, whichever it is.</summary>
/// <param name="schema">The schema.</param>
public abstract class SchemaMigration(StoreSchema schema) : Migration
{
    /// <summary>The schema, or null.</summary>
    protected string? SchemaName => schema.Name;

    /// <summary>Starts a CREATE TABLE in the schema.</summary>
    /// <param name="name">The table.</param>
    /// <returns>The column syntax.</returns>
    protected ICreateTableWithColumnSyntax Table(string name)
    {
        var table = Create.Table(name);
        return schema.Name is null ? table : table.InSchema(schema.Name);
    }

    /// <summary>Starts a CREATE INDEX on a table of the schema.</summary>
    /// <param name="name">The index.</param>
    /// <param name="table">The table.</param>
    /// <returns>The column syntax.</returns>
    protected ICreateIndexOnColumnSyntax Index(string name, string table)
    {
        var index = Create.Index(name).OnTable(table);
        return schema.Name is null ? index : index.InSchema(schema.Name);
    }

    /// <summary>A table's name as raw SQL in a migration writes it: qualified by the schema, if there is one.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The name to write.</returns>
    protected string Qualified(string table) => Qualified(schema.Name, table);

    /// <summary>A table's name qualified by <paramref name="schemaName"/>, if not null.</summary>
    internal static string Qualified(string? schemaName, string table) => schemaName is null ? table : $"{schemaName}.{table}";

    /// <inheritdoc />
    public override void Down() =>
        throw new NotSupportedException("GhStats migrations go forward only; restore a backup to go back.");
}
