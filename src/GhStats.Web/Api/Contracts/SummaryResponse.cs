namespace GhStats.Web.Api.Contracts;

/// <summary>One row per repository the caller may see, with totals for the range.</summary>
internal sealed record SummaryResponse(DateOnly From, DateOnly To, IReadOnlyList<SummaryRowResponse> Repositories);
