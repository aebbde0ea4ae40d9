namespace GhStats.Client.Models;

/// <summary>What a restore did (or would do) in one tenant.</summary>
/// <param name="Slug">The tenant.</param>
/// <param name="Created">Whether the tenant was (or would be) created; otherwise the archive merged into it.</param>
/// <param name="ConnectionsNew">GitHub connections added, each without its secret (enter its token or key again).</param>
/// <param name="OwnersNew">Owners tracked as a whole added.</param>
/// <param name="Repositories">Per repository: days new, raised, unchanged, lower (kept), snapshot rows new.</param>
/// <param name="StatsDaysWritten">Days of counters (stars, forks, watchers) new or raised.</param>
/// <param name="AnnotationsNew">Notes added.</param>
/// <param name="DashboardsNew">Public dashboards added.</param>
public sealed record TenantRestoreReport(
    string Slug,
    bool Created,
    int ConnectionsNew,
    int OwnersNew,
    IReadOnlyList<RepositoryImportReport> Repositories,
    int StatsDaysWritten,
    int AnnotationsNew,
    int DashboardsNew);
