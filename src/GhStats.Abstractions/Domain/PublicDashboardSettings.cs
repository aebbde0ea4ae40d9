namespace GhStats.Domain;

/// <summary>What an Owner chooses for a public dashboard.</summary>
/// <param name="Title">The page's heading.</param>
/// <param name="RepositoryIds">The tenant's tracked repositories to show.</param>
/// <param name="ShowReferrers">List referrers.</param>
/// <param name="ShowPopularContent">List popular content.</param>
/// <param name="FrameOrigins">Origins (e.g. <c>https://example.com</c>) whose pages may frame it; empty for none.</param>
/// <param name="Published">Serve it now.</param>
public sealed record PublicDashboardSettings(
    string Title,
    IReadOnlyList<long> RepositoryIds,
    bool ShowReferrers = false,
    bool ShowPopularContent = false,
    IReadOnlyList<string>? FrameOrigins = null,
    bool Published = true);
