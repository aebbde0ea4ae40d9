namespace GhStats.Domain;

/// <summary>
/// A read-only page of chosen repositories of a tenant, served without sign-in at <c>{prefix}/p/{slug}</c> while published.
/// It shows totals and charts; referrers and popular content only when the Owner opted in.
/// </summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Slug">The page's address segment: random, unique in the installation, never reused.</param>
/// <param name="Title">The page's heading.</param>
/// <param name="ShowReferrers">Whether the page lists referrers.</param>
/// <param name="ShowPopularContent">Whether the page lists popular content.</param>
/// <param name="FrameOrigins">The origins (scheme, host, port) whose pages may show this page in a frame; empty for none.</param>
/// <param name="Published">Whether the page is served; an unpublished page answers like one that never existed.</param>
/// <param name="RepositoryIds">The repositories on the page that are still tracked in the tenant.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
public sealed record PublicDashboard(
    long Id,
    long TenantId,
    string Slug,
    string Title,
    bool ShowReferrers,
    bool ShowPopularContent,
    IReadOnlyList<string> FrameOrigins,
    bool Published,
    IReadOnlyList<long> RepositoryIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
