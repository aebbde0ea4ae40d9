namespace GhStats.Client.Models;

/// <summary>A referrer's largest 14-day counts within a range.</summary>
/// <param name="Referrer">The referring site, e.g. github.com or google.com.</param>
/// <param name="Views">The largest 14-day view count.</param>
/// <param name="UniqueViews">The largest 14-day unique visitor count.</param>
/// <param name="LastSeen">The last day it was among GitHub's top 10.</param>
public sealed record ReferrerRank(string Referrer, int Views, int UniqueViews, DateOnly LastSeen);
