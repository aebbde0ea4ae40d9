namespace GhStats.Testing.GitHub;

/// <summary>One row of GitHub's "popular content" for the last 14 days, as the simulator serves it.</summary>
public sealed record SimulatedPath(string Path, string Title, int Count, int Uniques);
