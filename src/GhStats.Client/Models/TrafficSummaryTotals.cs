namespace GhStats.Client.Models;

/// <summary>Sums over every repository a summary matched: the headline figures of a page. Daily uniques are not summed.</summary>
/// <param name="Repositories">How many repositories match.</param>
/// <param name="Views">Their views in the range.</param>
/// <param name="Clones">Their clones in the range.</param>
/// <param name="Stars">Their stars at the latest collection (repositories without figures count none).</param>
/// <param name="Forks">Their forks at the latest collection.</param>
public sealed record TrafficSummaryTotals(int Repositories, long Views, long Clones, long Stars, long Forks);
