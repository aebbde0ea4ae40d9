namespace GhStats.Web.Compare;

/// <summary>
/// Adds metrics to the compare view. The web module registers the traffic metrics; another part of the product adds
/// its own (release downloads) by registering one more source, and the API and the page offer it from then on.
/// </summary>
internal interface ICompareMetricSource
{
    IEnumerable<CompareMetric> Metrics { get; }
}
