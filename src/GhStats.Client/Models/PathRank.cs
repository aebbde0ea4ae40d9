namespace GhStats.Client.Models;

/// <summary>A path's largest 14-day counts within a range.</summary>
/// <param name="Path">The path in the repository, e.g. /octo/repo/blob/main/README.md.</param>
/// <param name="Title">The page's title.</param>
/// <param name="Views">The largest 14-day view count.</param>
/// <param name="UniqueViews">The largest 14-day unique visitor count.</param>
/// <param name="LastSeen">The last day it was among GitHub's top 10.</param>
public sealed record PathRank(string Path, string Title, int Views, int UniqueViews, DateOnly LastSeen);
