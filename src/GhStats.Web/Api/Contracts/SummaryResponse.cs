namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The rows of the repositories the caller may see, with totals for the range: all of them, or one page of those
/// matching the name filter in the order asked for. <c>matching</c> and <c>totals</c> cover every matching row.
/// </summary>
internal sealed record SummaryResponse(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<SummaryRowResponse> Repositories,
    int Matching,
    int Offset,
    int? Limit,
    string? Sort,
    string Order,
    SummaryTotalsResponse Totals);
