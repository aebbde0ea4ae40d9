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
    int DashboardsNew);
