namespace GhStats.Web.Api.Contracts;

/// <summary>One path in GitHub's 14-day top 10 as captured on a day.</summary>
internal sealed record PathSnapshotResponse(DateOnly CapturedOn, string Path, string Title, int Views, int UniqueViews);
