namespace GhStats.Client.Models;

/// <summary>What a public dashboard shows (all of it replaced on an update).</summary>
/// <param name="Title">The page's heading.</param>
/// <param name="RepositoryIds">1 to 20 of the tenant's tracked repositories.</param>
/// <param name="ShowReferrers">List referrers (off unless true).</param>
/// <param name="ShowPopularContent">List popular content (off unless true).</param>
/// <param name="FrameOrigins">Origins (https://host[:port], or http on localhost) whose pages may frame it; null or empty for none.</param>
/// <param name="Published">Serve it (the server's default is true).</param>
public sealed record SetDashboardRequest(
    string Title,
    IReadOnlyList<long> RepositoryIds,
    bool? ShowReferrers = null,
    bool? ShowPopularContent = null,
    IReadOnlyList<string>? FrameOrigins = null,
    bool? Published = null);
