namespace GhStats.Notifications.Events;

/// <summary>One of the most viewed pages.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Path">The path GitHub reports.</param>
/// <param name="Title">The page title GitHub reports.</param>
/// <param name="Views">Its views in GitHub's 14 days up to <paramref name="CapturedOn"/>.</param>
/// <param name="UniqueViews">Its unique visitors in those 14 days.</param>
/// <param name="CapturedOn">The day of the week's latest snapshot.</param>
internal sealed record DigestContent(EventRepository Repository, string Path, string Title, int Views, int UniqueViews, DateOnly CapturedOn);
