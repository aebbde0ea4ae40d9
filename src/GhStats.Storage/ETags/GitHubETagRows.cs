using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.ETags;

/// <summary>The columns of <c>github_etags</c> rows, and how to read them.</summary>
internal static class GitHubETagRows
{
    public static readonly RowShape Shape = new("GitHub ETag");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn ConnectionId = Shape.Column("connection_id");
    private static readonly RowColumn ReadName = Shape.Column("read_name");
    private static readonly RowColumn ETag = Shape.Column("etag");
    private static readonly RowColumn ReadOn = Shape.Column("read_on");

    public static GitHubETag Read(RowReader r) => new(r.Int64(RepositoryId), r.Int64(ConnectionId), r.Text(ReadName), r.Text(ETag), r.Date(ReadOn));
}
