namespace GhStats.Domain;

/// <summary>One of GitHub's top-10 popular paths over the 14 days before <paramref name="CapturedOn"/>: a dated snapshot.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="CapturedOn">The UTC day the snapshot was taken.</param>
/// <param name="Path">The path, e.g. "/owner/repo/blob/main/README.md".</param>
/// <param name="Title">The page title GitHub reports.</param>
/// <param name="Views">Views of the path in GitHub's 14-day window.</param>
/// <param name="UniqueViews">Unique visitors of the path in the window.</param>
public sealed record PathSnapshot(long RepositoryId, DateOnly CapturedOn, string Path, string Title, int Views, int UniqueViews);
