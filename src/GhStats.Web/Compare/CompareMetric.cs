using GhStats.Domain;

namespace GhStats.Web.Compare;

/// <summary>
/// One figure the compare view can put side by side for several repositories: read per repository as one point per
/// day, week or month of the range, with how many of the period's days are known (a value is null where nothing is).
/// </summary>
/// <param name="name">The wire name (<c>metric=</c> of the API and the page).</param>
/// <param name="label">What the page calls it.</param>
/// <param name="note">What a reader should know about its values, shown under the chart.</param>
internal abstract class CompareMetric(string name, string label, string note)
{
    public string Name => name;

    public string Label => label;

    public string Note => note;

    /// <summary>One point per period of <paramref name="range"/> widened to whole periods, oldest first.</summary>
    public abstract Task<IReadOnlyList<ComparePoint>> ReadAsync(TrackedRepository repository, DateRange range, TrafficPeriod per, CancellationToken cancellationToken);
}
