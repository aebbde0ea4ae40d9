namespace GhStats.Transfer.Import;

/// <summary>One row of a referrer or path snapshot as a source holds it.</summary>
/// <param name="CapturedOn">The UTC day it was taken.</param>
/// <param name="Key">The referrer or the path.</param>
/// <param name="Title">The path's title; empty where the source keeps none.</param>
/// <param name="Views">Views in GitHub's 14-day window.</param>
/// <param name="UniqueViews">Unique visitors in the window.</param>
internal sealed record SourceSnapshot(DateOnly CapturedOn, string Key, string Title, int Views, int UniqueViews);
