using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.ETags;

/// <summary>The SQL of <see cref="GitHubETagStore"/>.</summary>
internal sealed class GitHubETagStatements : StatementSet
{
    public static readonly MergeShape Shape = new("github_etags",
    [
        new("repo_id", ColumnType.Identifier), new("connection_id", ColumnType.Identifier),
        new("read_name", ColumnType.Text, Length: FieldLimits.GitHubReadName),

        // The newest answer's tag and day replace the kept ones.
        new("etag", ColumnType.Text, MergeRule.Replace, FieldLimits.GitHubETag),
        new("read_on", ColumnType.Date, MergeRule.Replace),
    ]);

    public GitHubETagStatements(SqlDialect dialect)
        : base(dialect)
    {
        RepositoryExists = CountRepository("ETags");
        List = new("ETags.List",
            $"SELECT {GitHubETagRows.Shape.Select()} FROM {T("github_etags")} WHERE repo_id = @repo_id AND connection_id = @connection_id ORDER BY read_name");
    }

    public SqlStatement RepositoryExists { get; }

    public SqlStatement List { get; }

    public SqlStatement MergeTags(int rows) => Merge("ETags.Merge", Shape, rows);
}
