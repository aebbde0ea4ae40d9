namespace GhStats.Client.Models;

/// <summary>Several repositories' values of one metric per day, week or month.</summary>
/// <param name="Tenant">The tenant's slug.</param>
/// <param name="Metric">The metric's wire name (<c>views</c>, <c>uniqueViews</c>, <c>clones</c>, <c>stars</c>, <c>downloads</c> ...).</param>
/// <param name="Label">What the product calls the metric.</param>
/// <param name="Note">What a reader should know about its values.</param>
/// <param name="Per"><c>day</c>, <c>week</c> or <c>month</c>.</param>
/// <param name="From">The first day covered (widened to whole periods).</param>
/// <param name="To">The last day covered.</param>
/// <param name="Repositories">One series per repository, in the order asked.</param>
public sealed record TrafficComparison(string Tenant, string Metric, string Label, string Note, string Per, DateOnly From, DateOnly To, IReadOnlyList<ComparedRepository> Repositories);
