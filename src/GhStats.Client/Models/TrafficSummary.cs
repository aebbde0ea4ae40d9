namespace GhStats.Client.Models;

/// <summary>
/// The rows of the repositories the caller may see, with totals for a range: all of them, or one page of those that
/// match the name filter, in the order asked for (see <see cref="IGhStatsTraffic.GetSummaryAsync"/>).
/// </summary>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Repositories">One row per repository of the page (every matching repository without paging).</param>
public sealed record TrafficSummary(DateOnly From, DateOnly To, IReadOnlyList<TrafficSummaryRow> Repositories)
{
    /// <summary>How many repositories match the name filter (all the caller may see without one); the page is a slice of these.</summary>
    public int Matching { get; init; }

    /// <summary>Matching rows skipped before the page.</summary>
    public int Offset { get; init; }

    /// <summary>The page size asked for; null when every row from <see cref="Offset"/> on was asked for.</summary>
    public int? Limit { get; init; }

    /// <summary>The sort key asked for (a row field, for example "views"); null for the default order (tenant, owner, name).</summary>
    public string? Sort { get; init; }

    /// <summary>"asc" or "desc".</summary>
    public string? Order { get; init; }

    /// <summary>Sums over every matching repository, not only the page's; null from a server older than paging.</summary>
    public TrafficSummaryTotals? Totals { get; init; }
}
