using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Star history backfilled from GitHub's stargazers list: <c>star_history_daily</c> holds a repository's stars at the end
/// of each day one of its current stargazers starred on (days between carry the last count), and <c>star_backfills</c> how
/// far the backfill of each repository came (its state by name: InProgress, Complete or Limited; the next page to read; the oldest
/// and newest star days read; what GitHub answered when it refused the rest).
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(8, "GhStats star history backfill")]
public sealed class StarHistoryBackfill(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("star_history_daily")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_star_history_daily").ForeignKey("fk_star_history_daily_repositories", SchemaName, "repositories", "id")
            .WithColumn("day").AsDate().NotNullable().PrimaryKey("pk_star_history_daily")
            .WithColumn("stars").AsInt32().NotNullable();

        Table("star_backfills")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_star_backfills").ForeignKey("fk_star_backfills_repositories", SchemaName, "repositories", "id")
            .WithColumn("state").AsAnsiString(20).NotNullable()
            .WithColumn("next_page").AsInt32().NotNullable()
            .WithColumn("stars_read").AsInt32().NotNullable()
            .WithColumn("first_star_on").AsDate().Nullable()
            .WithColumn("known_through").AsDate().Nullable()
            .WithColumn("refused_because").AsString(FieldLimits.StarBackfillLimitReason).Nullable()
            .WithColumn("updated_at").AsDateTime().NotNullable();
    }
}
