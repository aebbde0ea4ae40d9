namespace GhStats.Web.Api.Contracts;

/// <summary>
/// A public dashboard as an Owner sets it: a title, the tenant's repositories to show, whether to list referrers and
/// popular content (off unless set), the origins whose pages may frame it, and whether it is published (true unless set).
/// </summary>
internal sealed record DashboardRequest(
    string? Title, List<long>? RepositoryIds, bool? ShowReferrers, bool? ShowPopularContent, List<string>? FrameOrigins, bool? Published);
