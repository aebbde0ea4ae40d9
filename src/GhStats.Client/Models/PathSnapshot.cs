namespace GhStats.Client.Models;

/// <summary>One path in GitHub's 14-day top 10, as captured on a day.</summary>
/// <param name="CapturedOn">The day it was captured.</param>
/// <param name="Path">The path in the repository.</param>
/// <param name="Title">The page's title.</param>
/// <param name="Views">Views over the 14 days before capture.</param>
/// <param name="UniqueViews">Unique visitors over those 14 days.</param>
public sealed record PathSnapshot(DateOnly CapturedOn, string Path, string Title, int Views, int UniqueViews);
