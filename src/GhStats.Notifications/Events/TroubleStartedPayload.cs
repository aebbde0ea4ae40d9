namespace GhStats.Notifications.Events;

/// <summary>The payload of <c>trouble.started</c>: a collection trouble condition began.</summary>
/// <param name="Condition">The condition's key, e.g. <c>repo:12:no_push_access</c>; the matching <c>trouble.resolved</c> carries the same key.</param>
/// <param name="Kind">What kind of trouble.</param>
/// <param name="Summary">One line for people.</param>
/// <param name="OpenedAt">When GhStats noticed it (UTC).</param>
/// <param name="Repository">The repository, for repository conditions; else null.</param>
/// <param name="ConnectionId">The GitHub connection, for a refused connection; else null.</param>
/// <param name="ConnectionName">Its name; else null.</param>
/// <param name="Repositories">For a refused connection: the repositories it no longer collects; else empty.</param>
/// <param name="RunId">For a failed run: the run; else null.</param>
/// <param name="LastDailyReadOn">For at risk and losing days: the day of the last successful daily read (null: never read).</param>
/// <param name="DaysSinceRead">For at risk and losing days: days since then (or since the repository was added).</param>
/// <param name="Url">Where to look in the app, or null without <c>PublicBaseUrl</c>.</param>
internal sealed record TroubleStartedPayload(
    string Condition,
    TroubleKind Kind,
    string Summary,
    DateTimeOffset OpenedAt,
    EventRepository? Repository,
    long? ConnectionId,
    string? ConnectionName,
    IReadOnlyList<EventRepository> Repositories,
    long? RunId,
    DateOnly? LastDailyReadOn,
    int? DaysSinceRead,
    Uri? Url);
