using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>What to import, from where, into which tenant.</summary>
/// <param name="Source">The tool that wrote the files.</param>
/// <param name="Path">Its file or directory (see <see cref="ImportSource"/>).</param>
/// <param name="TenantSlug">The tenant the repositories land in.</param>
/// <param name="Actor">Who imports, for the audit log.</param>
public sealed record ImportRequest(ImportSource Source, string Path, string TenantSlug, AuditActor Actor)
{
    /// <summary>Report what the import would do, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Repositories not tracked yet are created as history only (kept, not collected) instead of tracked.
    /// </summary>
    public bool HistoryOnly { get; init; }

    /// <summary>
    /// Names for repositories the source knows only by its own key (<c>"1000" = "octo/app"</c> for an IBM or ghstats
    /// repository id, the data directory for github-repo-stats, the archive's file name for repohistory); a name here
    /// wins over the source's.
    /// </summary>
    public IReadOnlyDictionary<string, string> RepositoryNames { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Told how far the import is: "checking the file" before the first write, then "writing repositories" (or, in a
    /// dry run, "comparing repositories") with the repositories done of all, after each one. Called on the importing thread.
    /// </summary>
    public IProgress<TransferJobProgress>? Progress { get; init; }

    /// <summary>How many source days one pass over a large table holds in memory; larger sources take more passes.</summary>
    internal int DaysPerPass { get; init; } = 250_000;
}
