namespace GhStats.Client.Models;

/// <summary>A tenant's public dashboard, as its owners see it.</summary>
/// <param name="Id">The dashboard's id.</param>
/// <param name="Slug">Its random address segment.</param>
/// <param name="Path">Its public address under the host, e.g. <c>/stats/p/{slug}</c>.</param>
/// <param name="Title">The page's heading.</param>
/// <param name="RepositoryIds">The repositories it shows that are still tracked.</param>
/// <param name="ShowReferrers">Whether it lists referrers.</param>
/// <param name="ShowPopularContent">Whether it lists popular content.</param>
/// <param name="FrameOrigins">The origins whose pages may show it in a frame.</param>
/// <param name="Published">Whether it is served.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
public sealed record PublicDashboard(
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
