namespace GhStats.Notifications.Rendering;

/// <summary>One line of a section: text, an optional figure shown beside it, an optional link.</summary>
/// <param name="Text">The text, plain (each channel escapes it).</param>
/// <param name="Figure">A figure such as "1,204 views", or null.</param>
/// <param name="Link">Where the line points, or null.</param>
internal sealed record NotificationLine(string Text, string? Figure = null, Uri? Link = null);
