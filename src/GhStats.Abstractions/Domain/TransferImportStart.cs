namespace GhStats.Domain;

/// <summary>An import to start from an upload.</summary>
/// <param name="Source">The source's command name (<see cref="ITransferService.ImportSources"/>).</param>
/// <param name="TenantSlug">The tenant the repositories land in.</param>
/// <param name="FileName">The uploaded file's name: the source's own file (a ghstats database, a <c>repostats.csv</c>, a repohistory export) or a zip of its files or directory.</param>
/// <param name="Actor">Who imports, for the audit log.</param>
public sealed record TransferImportStart(string Source, string TenantSlug, string FileName, AuditActor Actor)
{
    /// <summary>Report what the import would do, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Repositories not tracked yet are created as history only (kept, not collected).</summary>
    public bool HistoryOnly { get; init; }

    /// <summary>Names for repositories the source knows only by its own key (source key to <c>owner/name</c>).</summary>
    public IReadOnlyDictionary<string, string> RepositoryNames { get; init; } = new Dictionary<string, string>();
}
