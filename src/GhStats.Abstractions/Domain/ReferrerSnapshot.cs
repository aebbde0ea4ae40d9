namespace GhStats.Domain;

/// <summary>One of GitHub's top-10 referrers over the 14 days before <paramref name="CapturedOn"/>: a dated snapshot, not a daily fact.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="CapturedOn">The UTC day the snapshot was taken.</param>
/// <param name="Referrer">The referring site, e.g. "google.com".</param>
/// <param name="Views">Views from that referrer in GitHub's 14-day window.</param>
/// <param name="UniqueViews">Unique visitors from that referrer in the window.</param>
public sealed record ReferrerSnapshot(long RepositoryId, DateOnly CapturedOn, string Referrer, int Views, int UniqueViews);
