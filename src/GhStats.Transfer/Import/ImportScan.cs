namespace GhStats.Transfer.Import;

/// <summary>What a reader learnt from its first pass that belongs to no single repository.</summary>
/// <param name="Users">The source's people and roles.</param>
/// <param name="Rejections">Rows of no repository it can name.</param>
/// <param name="Notes">What it read and left aside.</param>
/// <param name="RepositoryCount">How many repositories <see cref="IImportReader.Repositories"/> then gives, for the progress.</param>
internal sealed record ImportScan(IReadOnlyList<ImportedUser> Users, IReadOnlyList<ImportRejection> Rejections, IReadOnlyList<string> Notes, int RepositoryCount);
