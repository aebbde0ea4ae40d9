namespace GhStats.Web.Api.Contracts;

/// <summary>How many visible repositories are fine, at risk and losing days, and those that are not fine, worst first.</summary>
internal sealed record HorizonOverviewResponse(int AtRiskAfterDays, int Fine, int AtRisk, int LosingDays, IReadOnlyList<HorizonRepositoryResponse> Repositories);
