namespace GhStats.Web.Localization;

/// <summary>
/// The strings several pages and endpoints share (Resources/Localization/SharedText.resx): the traffic figures' names
/// and common actions, so each is written and translated once. Use it as <c>IStringLocalizer&lt;SharedText&gt;</c>.
/// </summary>
internal sealed class SharedText;
