using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// The entity tags of GitHub's answers, for conditional requests: one row per repository, connection (GitHub's tags vary
/// with the token) and read (<c>repository</c>, <c>views.day</c>, <c>referrers</c>...), with the day of the last read
/// that answered with it. No foreign key to the connection: a deleted connection's rows are never asked for again and go
/// with the repository.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(12, "GhStats GitHub ETags")]
public sealed class GitHubETags(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        Table("github_etags")
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_github_etags").ForeignKey("fk_github_etags_repositories", SchemaName, "repositories", "id")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey("pk_github_etags")
            .WithColumn("read_name").AsString(FieldLimits.GitHubReadName).NotNullable().PrimaryKey("pk_github_etags")
            .WithColumn("etag").AsString(FieldLimits.GitHubETag).NotNullable()
            .WithColumn("read_on").AsDate().NotNullable();
    }
}
