namespace GhStats.Notifications.Events;

/// <summary>A referrer that entered a repository's top 10.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Referrer">The referring site.</param>
/// <param name="Views">Its views in GitHub's 14 days up to <paramref name="CapturedOn"/>.</param>
/// <param name="UniqueViews">Its unique visitors in those 14 days.</param>
/// <param name="CapturedOn">The day of the week's latest snapshot.</param>
internal sealed record DigestReferrer(EventRepository Repository, string Referrer, int Views, int UniqueViews, DateOnly CapturedOn);
