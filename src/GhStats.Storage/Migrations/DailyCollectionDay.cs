using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// The UTC day each repository's once-a-day reads (counters, referrers, paths, releases) last succeeded
/// (<c>repositories.daily_collected_on</c>), so runs more often than daily read only views and clones in between.
/// Null until the first collection after the upgrade, which then does the daily reads.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(16, "GhStats daily collection day")]
public sealed class DailyCollectionDay(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        var repositories = Alter.Table("repositories");
        (SchemaName is null ? repositories : repositories.InSchema(SchemaName))
            .AddColumn("daily_collected_on").AsDate().Nullable();
    }
}
