namespace GhStats.Notifications.Events;

/// <summary>The payload of <c>trouble.resolved</c>: a condition announced by <c>trouble.started</c> cleared.</summary>
/// <param name="Condition">The condition's key, as in its <c>trouble.started</c>.</param>
/// <param name="Kind">What kind of trouble it was.</param>
/// <param name="Summary">The line that announced it.</param>
/// <param name="OpenedAt">When it started (UTC).</param>
/// <param name="ResolvedAt">When GhStats saw it clear (UTC).</param>
/// <param name="Resolution">Why it cleared, for people.</param>
/// <param name="Repository">The repository, when it is still tracked; else null.</param>
/// <param name="Url">Where to look in the app, or null without <c>PublicBaseUrl</c>.</param>
internal sealed record TroubleResolvedPayload(
    string Condition,
    TroubleKind Kind,
    string Summary,
    DateTimeOffset OpenedAt,
    DateTimeOffset ResolvedAt,
    string Resolution,
    EventRepository? Repository,
    Uri? Url);
