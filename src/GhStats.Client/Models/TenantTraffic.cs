namespace GhStats.Client.Models;

/// <summary>A tenant's visible repositories combined per day, week or month.</summary>
/// <param name="Tenant">The tenant's slug.</param>
/// <param name="Per"><c>day</c>, <c>week</c> or <c>month</c>.</param>
/// <param name="From">The first day covered.</param>
/// <param name="To">The last day covered.</param>
/// <param name="Repositories">How many repositories are combined.</param>
/// <param name="Points">One point per period.</param>
/// <param name="Totals">The whole range.</param>
public sealed record TenantTraffic(string Tenant, string Per, DateOnly From, DateOnly To, int Repositories, IReadOnlyList<TenantTrafficPoint> Points, TenantTrafficPoint Totals);
