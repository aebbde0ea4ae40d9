namespace GhStats.Transfer.Import;

/// <summary>The result of an import or of its dry run: per repository, the people to invite, and what was not read.</summary>
/// <param name="Source">The source read.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Repositories">One entry per repository, by name.</param>
/// <param name="Users">The source's people and roles, for an admin to invite.</param>
/// <param name="Rejections">Rows that belong to no repository (e.g. traffic of an id the source does not name).</param>
/// <param name="Notes">What was read and what was left aside, in sentences.</param>
public sealed record ImportReport(
    ImportSource Source,
    bool DryRun,
    IReadOnlyList<RepositoryImportReport> Repositories,
    IReadOnlyList<ImportedUser> Users,
    IReadOnlyList<ImportRejection> Rejections,
    IReadOnlyList<string> Notes);
