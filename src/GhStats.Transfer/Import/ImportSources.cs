using System.Diagnostics.CodeAnalysis;

namespace GhStats.Transfer.Import;

/// <summary>The names the command line and API give the import sources.</summary>
public static class ImportSources
{
    private static readonly Dictionary<string, ImportSource> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ibm-db2"] = ImportSource.IbmDb2Export,
        ["ibm-csv"] = ImportSource.IbmRepostatsCsv,
        ["github-repo-stats"] = ImportSource.GitHubRepoStats,
        ["ghstats-sqlite"] = ImportSource.GhstatsSqlite,
        ["repohistory"] = ImportSource.RepohistoryCsv,
    };

    /// <summary>Every source name: <c>ibm-db2</c>, <c>ibm-csv</c>, <c>github-repo-stats</c>, <c>ghstats-sqlite</c>, <c>repohistory</c>.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Reads a source name.</summary>
    /// <param name="name">The name, any case.</param>
    /// <param name="source">The source.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out ImportSource source) =>
        ByName.TryGetValue(name ?? "", out source);

    /// <summary>The name of a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>Its name.</returns>
    public static string NameOf(ImportSource source) => ByName.First(pair => pair.Value == source).Key;
}
