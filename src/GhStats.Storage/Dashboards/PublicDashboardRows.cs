using GhStats.Storage.Relational;

namespace GhStats.Storage.Dashboards;

/// <summary>The columns every dashboard query selects, and how to read them; the repositories come from a second query.</summary>
internal static class PublicDashboardRows
{
    public static readonly RowShape Shape = new("public dashboard");

    public static readonly RowShape RepositoryShape = new("public dashboard repository");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Slug = Shape.Column("slug");
    private static readonly RowColumn Title = Shape.Column("title");
    private static readonly RowColumn ShowReferrers = Shape.Column("show_referrers");
    private static readonly RowColumn ShowPaths = Shape.Column("show_paths");
    private static readonly RowColumn FrameOrigins = Shape.Column("frame_origins");
    private static readonly RowColumn Published = Shape.Column("published");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");
    private static readonly RowColumn UpdatedAt = Shape.Column("updated_at");

    private static readonly RowColumn DashboardId = RepositoryShape.Column("dashboard_id");
    private static readonly RowColumn RepositoryId = RepositoryShape.Column("repo_id");

    public static DashboardRow Read(RowReader r) => new(
        r.Int64(Id), r.Int64(TenantId), r.Text(Slug), r.Text(Title), r.Int32(ShowReferrers) != 0, r.Int32(ShowPaths) != 0,
        r.NullableText(FrameOrigins), r.Int32(Published) != 0, r.Timestamp(CreatedAt), r.Timestamp(UpdatedAt));

    public static (long DashboardId, long RepositoryId) ReadRepository(RowReader r) => (r.Int64(DashboardId), r.Int64(RepositoryId));

    /// <summary>A dashboard row before its repositories are read.</summary>
    internal sealed record DashboardRow(
        long Id, long TenantId, string Slug, string Title, bool ShowReferrers, bool ShowPaths, string? FrameOrigins, bool Published,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
}
