namespace GhStats.Testing.GitHub;

/// <summary>A page of a repository that can show up in its popular content: the path and the page title.</summary>
public sealed record SimulatedPage(string Path, string Title);
