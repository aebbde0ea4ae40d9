namespace GhStats.Web.Api.Contracts;

/// <summary>
/// A tenant's visible repositories combined per day, week or month: views and clones summed over the known repository
/// days, unique counts never summed (only the busiest single repository day, a lower bound).
/// </summary>
internal sealed record TenantTrafficResponse(string Tenant, string Per, DateOnly From, DateOnly To, int Repositories, IReadOnlyList<TenantTrafficPointResponse> Points, TenantTrafficPointResponse Totals);
