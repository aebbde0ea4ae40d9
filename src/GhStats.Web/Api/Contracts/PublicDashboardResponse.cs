namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The data of a public dashboard for a range of days: its title and, per repository, totals and the daily series with
/// coverage; referrers and popular content only where the Owner opted in (null otherwise). Nothing else of the tenant.
/// </summary>
internal sealed record PublicDashboardResponse(
    string Title,
    DateOnly From,
    DateOnly To,
    bool ShowsReferrers,
    bool ShowsPopularContent,
    IReadOnlyList<PublicRepositoryResponse> Repositories);
