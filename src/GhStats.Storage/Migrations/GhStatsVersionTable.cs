using FluentMigrator.Runner.VersionTableInfo;

namespace GhStats.Storage.Migrations;

/// <summary>Where FluentMigrator records applied migrations: <c>schema_versions</c> in the store's schema, which it creates.</summary>
/// <param name="schema">The schema.</param>
internal sealed class GhStatsVersionTable(StoreSchema schema) : IVersionTableMetaData
{
    public bool OwnsSchema => schema.Name is not null;

    public string SchemaName => schema.Name ?? string.Empty;

    public string TableName => "schema_versions";

    public string ColumnName => "version";

    public string DescriptionColumnName => "description";

    public string UniqueIndexName => "ux_schema_versions_version";

    public string AppliedOnColumnName => "applied_on";

    public bool CreateWithPrimaryKey => false;
}
