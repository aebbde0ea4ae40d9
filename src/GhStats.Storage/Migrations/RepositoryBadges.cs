using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Whether a repository's traffic badges are served without sign-in (<c>repositories.badges_enabled</c>: 1 on, 0 off).
/// Off by default: nothing of a repository becomes public until an Owner turns it on.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(7, "GhStats repository badges")]
public sealed class RepositoryBadges(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        var repositories = Alter.Table("repositories");
        (SchemaName is null ? repositories : repositories.InSchema(SchemaName))
            .AddColumn("badges_enabled").AsInt32().NotNullable().WithDefaultValue(0);
    }
}
