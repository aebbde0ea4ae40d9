namespace GhStats.Notifications.Rendering;

/// <summary>
/// What a message says, independent of the channel: Slack turns it into Block Kit, email into a text and an HTML part.
/// Webhooks send the event's payload instead.
/// </summary>
/// <param name="Title">The heading (Slack's header block, the email's subject).</param>
/// <param name="Summary">One or two sentences under the title.</param>
/// <param name="Sections">The body.</param>
/// <param name="Link">Where to read more in the app, or null (no <c>PublicBaseUrl</c>).</param>
internal sealed record NotificationDocument(string Title, string Summary, IReadOnlyList<NotificationSection> Sections, Uri? Link);
