namespace GhStats.Notifications.Rendering;

/// <summary>A part of a <see cref="NotificationDocument"/> under its own heading.</summary>
/// <param name="Heading">The heading.</param>
/// <param name="Lines">Its lines.</param>
internal sealed record NotificationSection(string Heading, IReadOnlyList<NotificationLine> Lines);
