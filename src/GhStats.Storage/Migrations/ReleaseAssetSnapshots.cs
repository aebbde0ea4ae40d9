using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Releases and dated snapshots of their assets' download counts, and the days each repository's releases were read
/// (a day without a read is "not read", never zero downloads).
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(9, "GhStats releases and release asset download snapshots")]
public sealed class ReleaseAssetSnapshots(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        // Every release ever read stays, deleted on GitHub or not: its past downloads are history. last_seen_on is the last read that listed it.
        Table("releases")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_releases").ForeignKey("fk_releases_repositories", SchemaName, "repositories", "id")
            .WithColumn("github_release_id").AsInt64().NotNullable().PrimaryKey("pk_releases")
            .WithColumn("tag").AsString(FieldLimits.ReleaseTag).NotNullable()
            .WithColumn("name").AsString(FieldLimits.ReleaseName).NotNullable()
            .WithColumn("published_on").AsDate().NotNullable()
            .WithColumn("prerelease").AsInt32().NotNullable()
            .WithColumn("last_seen_on").AsDate().NotNullable();

        Table("release_asset_snapshots")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_release_asset_snapshots").ForeignKey("fk_release_asset_snapshots_repositories", SchemaName, "repositories", "id")
            .WithColumn("asset_id").AsInt64().NotNullable().PrimaryKey("pk_release_asset_snapshots")
            .WithColumn("captured_on").AsDate().NotNullable().PrimaryKey("pk_release_asset_snapshots")
            .WithColumn("github_release_id").AsInt64().NotNullable()
            .WithColumn("asset_name").AsString(FieldLimits.AssetName).NotNullable()
            .WithColumn("created_on").AsDate().NotNullable()
            .WithColumn("download_count").AsInt64().NotNullable();

        Table("release_reads")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_release_reads").ForeignKey("fk_release_reads_repositories", SchemaName, "repositories", "id")
            .WithColumn("read_on").AsDate().NotNullable().PrimaryKey("pk_release_reads")
            .WithColumn("releases").AsInt32().NotNullable();
    }
}
