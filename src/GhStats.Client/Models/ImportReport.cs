namespace GhStats.Client.Models;

/// <summary>What an import did, or as a dry run would do: per repository, the people to invite, and what was not read.</summary>
/// <param name="Source">The source read, e.g. <c>ibmRepostatsCsv</c>.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Repositories">One entry per repository.</param>
/// <param name="Users">The source's people and roles, for an admin to invite (never granted).</param>
/// <param name="Rejections">Rows that belong to no repository.</param>
/// <param name="Notes">What was read and what was left aside, in sentences.</param>
public sealed record ImportReport(
    string Source,
    bool DryRun,
    IReadOnlyList<RepositoryImportReport> Repositories,
    IReadOnlyList<ImportedUser> Users,
    IReadOnlyList<ImportRejection> Rejections,
    IReadOnlyList<string> Notes);
