namespace GhStats.Web.Localization;

/// <summary>
/// Names the strings of choosing a language (Resources/Localization/LanguageChoice.resx): the menu's picker and the
/// answers of <c>POST {prefix}/language</c> and <c>PUT /api/v1/me/language</c>.
/// </summary>
internal sealed class LanguageChoice;
