namespace GhStats.Notifications.Localization;

/// <summary>
/// Names the strings more than one message part needs (counts, "Details", "Open in GhStats"):
/// <c>Resources/Localization/SharedText.resx</c> and its translations, read as <c>IStringLocalizer&lt;SharedText&gt;</c>.
/// </summary>
internal sealed class SharedText;
