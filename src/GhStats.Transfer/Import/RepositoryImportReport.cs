namespace GhStats.Transfer.Import;

/// <summary>What an import did, or would do, with one repository.</summary>
/// <param name="FullName">"owner/name", or the source's key when the name is unknown.</param>
/// <param name="SourceKeys">The source's keys merged into it (two ids or spellings of one repository become one).</param>
/// <param name="Outcome">Created, merged into an existing one, or rejected.</param>
/// <param name="DaysNew">Days GhStats did not have.</param>
/// <param name="DaysRaised">Days where the source has a larger count or a better coverage.</param>
/// <param name="DaysUnchanged">Days the source has exactly as GhStats.</param>
/// <param name="DaysLower">Days where the source is lower than GhStats in some count and higher in none: GhStats keeps its own.</param>
/// <param name="SnapshotsNew">Referrer and path snapshot rows added (capture days GhStats had none of that kind).</param>
/// <param name="Rejections">Rows left out, with the reason.</param>
public sealed record RepositoryImportReport(
    string FullName,
    IReadOnlyList<string> SourceKeys,
    RepositoryImportOutcome Outcome,
    int DaysNew,
    int DaysRaised,
    int DaysUnchanged,
    int DaysLower,
    int SnapshotsNew,
    IReadOnlyList<ImportRejection> Rejections);
