namespace GhStats.Notifications.Events;

/// <summary>A repository as an event payload names it.</summary>
/// <param name="Id">GhStats' id of the tracked repository.</param>
/// <param name="FullName">"owner/name".</param>
/// <param name="Url">Its page in the app, or null without <c>PublicBaseUrl</c>.</param>
internal sealed record EventRepository(long Id, string FullName, Uri? Url);
