namespace GhStats.Client.Models;

/// <summary>A repository's stars at the end of a day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Stars">Stars (a lower bound).</param>
/// <param name="Source">Where the figure comes from: "backfill" (GitHub's stargazers list).</param>
public sealed record StarHistoryPoint(DateOnly Date, int Stars, string Source);
