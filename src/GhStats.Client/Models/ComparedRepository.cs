namespace GhStats.Client.Models;

/// <summary>One repository of a comparison.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="FullName">owner/name on GitHub.</param>
/// <param name="Baseline">What its normalised values are divided by.</param>
/// <param name="Points">One point per period of the range.</param>
public sealed record ComparedRepository(long RepoId, string FullName, CompareBaseline Baseline, IReadOnlyList<ComparePoint> Points);
