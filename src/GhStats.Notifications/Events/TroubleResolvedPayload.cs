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
/// <param name="Reason">Why it cleared, as data (null in events raised before GhStats wrote it: then <paramref name="Resolution"/> is shown).</param>
/// <param name="RunId">For <see cref="TroubleResolution.RunFinished"/>: the run.</param>
/// <param name="RunStatus">For <see cref="TroubleResolution.RunFinished"/>: its status (<c>Succeeded</c>, <c>CompletedWithErrors</c>).</param>
/// <param name="ReadOn">For <see cref="TroubleResolution.ReadAgain"/>: the day of the successful read.</param>
/// <param name="LastStatus">For <see cref="TroubleResolution.OtherStatus"/>: the repository's last collection status.</param>
internal sealed record TroubleResolvedPayload(
    string Condition,
    TroubleKind Kind,
    string Summary,
    DateTimeOffset OpenedAt,
    DateTimeOffset ResolvedAt,
    string Resolution,
    EventRepository? Repository,
    Uri? Url,
    TroubleResolution? Reason = null,
    long? RunId = null,
    string? RunStatus = null,
    DateOnly? ReadOn = null,
    string? LastStatus = null);
