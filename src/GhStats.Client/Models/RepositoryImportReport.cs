namespace GhStats.Client.Models;

/// <summary>What an import or restore did, or would do, with one repository.</summary>
/// <param name="FullName">"owner/name", or the source's key when the name is unknown.</param>
/// <param name="SourceKeys">The source's keys merged into it.</param>
/// <param name="Outcome"><c>existing</c>, <c>createdTracked</c>, <c>createdHistoryOnly</c> or <c>rejected</c>.</param>
/// <param name="DaysNew">Days GhStats did not have.</param>
/// <param name="DaysRaised">Days where the source has a larger count or a better coverage.</param>
/// <param name="DaysUnchanged">Days the source has exactly as GhStats.</param>
/// <param name="DaysLower">Days where the source is lower: GhStats keeps its own.</param>
/// <param name="SnapshotsNew">Referrer and path snapshot rows added.</param>
/// <param name="Rejections">Rows left out, with the reason.</param>
public sealed record RepositoryImportReport(
    string FullName,
    IReadOnlyList<string> SourceKeys,
    string Outcome,
    int DaysNew,
    int DaysRaised,
    int DaysUnchanged,
    int DaysLower,
    int SnapshotsNew,
    IReadOnlyList<ImportRejection> Rejections);
