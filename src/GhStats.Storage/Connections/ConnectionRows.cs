using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Connections;

/// <summary>The columns every connection query selects, and how to read a connection from them.</summary>
internal static class ConnectionRows
{
    public static readonly RowShape Shape = new("GitHub connection");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn Kind = Shape.Column("kind");
    private static readonly RowColumn ApiBaseUrl = Shape.Column("api_base_url");
    private static readonly RowColumn ProtectedSecret = Shape.Column("protected_secret");
    private static readonly RowColumn AppId = Shape.Column("app_id");
    private static readonly RowColumn InstallationId = Shape.Column("installation_id");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");

    public static GitHubConnection Read(RowReader r) => new(
        r.Int64(Id), r.Int64(TenantId), r.Text(Name), r.Enum<GitHubConnectionKind>(Kind), r.Text(ApiBaseUrl), r.Text(ProtectedSecret),
        r.NullableInt64(AppId), r.NullableInt64(InstallationId), r.Timestamp(CreatedAt));
}
