namespace GhStats.Client.Models;

/// <summary>A repository's totals for a range and its latest figures.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="Tenant">The slug of the tenant that tracks it.</param>
/// <param name="FullName">owner/name on GitHub.</param>
/// <param name="Views">Page views in the range.</param>
/// <param name="Clones">Clones in the range.</param>
/// <param name="PeakDailyUniqueViews">The largest daily unique visitor count in the range: a lower bound of the range's unique visitors.</param>
/// <param name="PeakDailyUniqueClones">The largest daily unique cloner count in the range.</param>
/// <param name="DaysWithData">Days of the range that have traffic stored.</param>
/// <param name="Stars">Stars at the latest collection, if any.</param>
/// <param name="Forks">Forks at the latest collection, if any.</param>
/// <param name="LastCollectedAt">When it was last collected (UTC).</param>
/// <param name="LastStatus">How the last collection went.</param>
/// <param name="Days">Days in the range.</param>
/// <param name="KnownDays">Days of the range a read covered.</param>
/// <param name="PartialDays">Days of the range covered only while cut short.</param>
/// <param name="Horizon">Its data-loss horizon.</param>
public sealed record TrafficSummaryRow(
    long RepoId,
    string Tenant,
    string FullName,
    long Views,
    long Clones,
    long PeakDailyUniqueViews,
    long PeakDailyUniqueClones,
    int DaysWithData,
    int? Stars,
    int? Forks,
    DateTimeOffset? LastCollectedAt,
    string? LastStatus,
    int Days = 0,
    int KnownDays = 0,
    int PartialDays = 0,
    RepositoryHorizon? Horizon = null)
{
    /// <summary>The period of the same length before the range and the change against it; null before 2008.</summary>
    public PreviousPeriod? Previous { get; init; }
}
