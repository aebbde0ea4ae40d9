namespace GhStats.Domain;

/// <summary>What one page of the stargazers list proves, and where the backfill goes on.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="Page">The page read (1 first).</param>
/// <param name="Days">Stars at the end of each day the page's stargazers starred on.</param>
/// <param name="StarsRead">Stargazers read up to and including this page.</param>
/// <param name="HasNextPage">Whether GitHub named a next page; false completes the backfill.</param>
public sealed record StarBackfillPage(long RepositoryId, int Page, IReadOnlyList<StarHistoryDay> Days, int StarsRead, bool HasNextPage);
