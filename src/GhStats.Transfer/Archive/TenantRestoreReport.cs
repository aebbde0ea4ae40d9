using GhStats.Transfer.Import;

namespace GhStats.Transfer.Archive;

/// <summary>What a restore did (or would do) in one tenant.</summary>
/// <param name="Slug">The tenant.</param>
/// <param name="Created">Whether the tenant was (or would be) created; otherwise the archive merged into it.</param>
/// <param name="ConnectionsNew">GitHub connections added, each without its secret: each needs its token or App key entered again.</param>
/// <param name="OwnersNew">Owners tracked as a whole added, with their filters (one the tenant tracks keeps its own).</param>
/// <param name="Repositories">Per repository, as an import reports it: days new, raised, unchanged, lower (kept), snapshot rows new.</param>
/// <param name="StatsDaysWritten">Days of counters (stars, forks, watchers) new or raised.</param>
/// <param name="AnnotationsNew">Notes added (a note the tenant already has, same day and text, is not added again).</param>
/// <param name="DashboardsNew">Public dashboards added (one whose address the tenant already has is left as it is).</param>
public sealed record TenantRestoreReport(
    string Slug,
    bool Created,
    int ConnectionsNew,
    int OwnersNew,
    IReadOnlyList<RepositoryImportReport> Repositories,
    int StatsDaysWritten,
    int AnnotationsNew,
    int DashboardsNew)
{
    /// <summary>Weeks of GitHub's weekly figures new or raised (each field keeps its maximum).</summary>
    public int WeeksWritten { get; init; }

    /// <summary>Days of star history new or raised (the larger count wins).</summary>
    public int StarDaysWritten { get; init; }

    /// <summary>Star backfill states restored: a repository that has its own keeps it.</summary>
    public int StarBackfillsNew { get; init; }

    /// <summary>Releases new, or whose last read day moved later (a stored release keeps its tag, name and publication).</summary>
    public int ReleasesWritten { get; init; }

    /// <summary>Release asset download snapshots new, or whose count was raised.</summary>
    public int AssetSnapshotsWritten { get; init; }

    /// <summary>Days the releases were read, new or with a larger release count.</summary>
    public int ReleaseReadDaysWritten { get; init; }
}
