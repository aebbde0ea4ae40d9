namespace GhStats.Client.Models;

/// <summary>One referrer in GitHub's 14-day top 10, as captured on a day.</summary>
/// <param name="CapturedOn">The day it was captured.</param>
/// <param name="Referrer">The referring site.</param>
/// <param name="Views">Views over the 14 days before capture.</param>
/// <param name="UniqueViews">Unique visitors over those 14 days.</param>
public sealed record ReferrerSnapshot(DateOnly CapturedOn, string Referrer, int Views, int UniqueViews);
