namespace GhStats.Web.Api.Contracts;

/// <summary>One referrer in GitHub's 14-day top 10 as captured on a day.</summary>
internal sealed record ReferrerSnapshotResponse(DateOnly CapturedOn, string Referrer, int Views, int UniqueViews);
