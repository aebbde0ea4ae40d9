namespace GhStats.Web.Compare;

/// <summary>Every metric the compare view offers, in the order the sources were registered.</summary>
internal sealed class CompareMetrics(IEnumerable<ICompareMetricSource> sources)
{
    public IReadOnlyList<CompareMetric> All { get; } = [.. sources.SelectMany(s => s.Metrics)];

    public CompareMetric? Find(string? name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The wire names, for messages: "views, uniqueViews, clones, stars".</summary>
    public string Names => string.Join(", ", All.Select(m => m.Name));
}
