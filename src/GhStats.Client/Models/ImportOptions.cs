namespace GhStats.Client.Models;

/// <summary>How an import runs.</summary>
public sealed class ImportOptions
{
    /// <summary>Report only, write nothing (the default): look at the report, then import for real with false.</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>Create repositories not tracked yet as history only (kept and shown, not collected).</summary>
    public bool HistoryOnly { get; init; }

    /// <summary>Names for repositories the source knows only by its own key: the key to <c>owner/name</c>.</summary>
    public IReadOnlyDictionary<string, string> RepositoryNames { get; init; } = new Dictionary<string, string>();
}
