namespace GhStats.Client.Models;

/// <summary>A source the server imports from.</summary>
/// <param name="Name">Its name, as <c>StartImportAsync</c> takes it: <c>ibm-db2</c>, <c>ibm-csv</c>, <c>github-repo-stats</c>, <c>ghstats-sqlite</c>, <c>repohistory</c>.</param>
public sealed record ImportSource(string Name);
