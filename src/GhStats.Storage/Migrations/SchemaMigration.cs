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

    /// <inheritdoc />
    public override void Down() =>
        throw new NotSupportedException("GhStats migrations go forward only; restore a backup to go back.");
}
