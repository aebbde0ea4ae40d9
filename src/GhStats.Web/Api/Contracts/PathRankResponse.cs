namespace GhStats.Web.Api.Contracts;

/// <summary>A path's largest 14-day counts within the range, and the last day it was among GitHub's top 10.</summary>
internal sealed record PathRankResponse(string Path, string Title, int Views, int UniqueViews, DateOnly LastSeen);
