namespace GhStats.Web.Api;

/// <summary>
/// How the tenant summary is sorted, filtered and paged: <c>sort</c>, <c>order</c>, <c>offset</c>, <c>limit</c> and
/// <c>name</c>. Without any of them the summary answers every row in its old order (tenant, owner, name), as before
/// paging existed. <see cref="SummaryQuery"/> reads it from the request.
/// </summary>
/// <param name="Sort">The row field to sort by (one of <see cref="SummaryQuery.SortKeys"/>), or null for the store's order.</param>
/// <param name="Descending">Largest first; rows without a value come last either way.</param>
/// <param name="Offset">Rows to skip.</param>
/// <param name="Limit">Rows to answer, or null for all the rest.</param>
/// <param name="Name">Only repositories whose owner/name contains this text (case-insensitive), or null.</param>
internal sealed record SummaryPageQuery(string? Sort, bool Descending, int Offset, int? Limit, string? Name)
{
    /// <summary>What sets this page apart from another of the same summary, for the response cache's key.</summary>
    public string Key => FormattableString.Invariant($"{Sort}:{(Descending ? "desc" : "asc")}:{Offset}:{Limit}:{Name?.ToUpperInvariant()}");
}
