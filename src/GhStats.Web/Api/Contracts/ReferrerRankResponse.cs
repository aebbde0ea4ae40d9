namespace GhStats.Web.Api.Contracts;

/// <summary>A referrer's largest 14-day counts within the range, and the last day it was among GitHub's top 10.</summary>
internal sealed record ReferrerRankResponse(string Referrer, int Views, int UniqueViews, DateOnly LastSeen);
