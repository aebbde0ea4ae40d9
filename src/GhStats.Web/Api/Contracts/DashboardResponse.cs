namespace GhStats.Web.Api.Contracts;

/// <summary>A public dashboard, for its tenant's Owners: <c>path</c> is its public address under the host.</summary>
internal sealed record DashboardResponse(
    long Id,
    string Slug,
    string Path,
    string Title,
    IReadOnlyList<long> RepositoryIds,
    bool ShowReferrers,
    bool ShowPopularContent,
    IReadOnlyList<string> FrameOrigins,
    bool Published,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
