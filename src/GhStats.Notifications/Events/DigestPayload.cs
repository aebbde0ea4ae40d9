namespace GhStats.Notifications.Events;

/// <summary>
/// The payload of <c>digest.weekly</c>: one ISO week (Monday to Sunday, UTC) of a tenant, or of what one subscriber may
/// see. Views are sums of the week's known days, exactly as <c>GET /traffic/summary</c> and <c>GET /repos/{id}/traffic?per=week</c>
/// return them for the same days.
/// </summary>
/// <param name="Week">The ISO week, e.g. "2026-W48".</param>
/// <param name="From">Its Monday.</param>
/// <param name="To">Its Sunday.</param>
/// <param name="Views">Views of every repository in scope that week (not only the top ones).</param>
/// <param name="PreviousViews">The same for the week before.</param>
/// <param name="RepositoryCount">Repositories in scope.</param>
/// <param name="Repositories">The top repositories by views (at most 25), busiest first.</param>
/// <param name="NewReferrers">Referrers in a top repository's top 10 this week that were not in it the week before.</param>
/// <param name="TopContent">The most viewed content of the top repositories (at most 10), busiest first.</param>
internal sealed record DigestPayload(
    string Week,
    DateOnly From,
    DateOnly To,
    long Views,
    long PreviousViews,
    int RepositoryCount,
    IReadOnlyList<DigestRepository> Repositories,
    IReadOnlyList<DigestReferrer> NewReferrers,
    IReadOnlyList<DigestContent> TopContent);
