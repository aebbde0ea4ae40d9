using System.Globalization;

namespace GhStats.Notifications.Localization;

/// <summary>
/// Renders one message in its recipient's language: sets the current culture and UI culture of this asynchronous flow
/// (never the process's default) for as long as the scope lives, so every string and every date and number the message
/// holds comes out in that language.
/// </summary>
internal sealed class MessageCulture : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private MessageCulture(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Renders in <paramref name="language"/>, or in English when it is null or not supported.</summary>
    /// <param name="language">A language of <see cref="GhStatsLanguages.Supported"/>, or null.</param>
    /// <returns>The scope; disposing it restores the cultures before.</returns>
    public static MessageCulture Use(string? language) => new(GhStatsLanguages.CultureOf(language));

    /// <summary>
    /// Whether a count takes a language's singular form: one in English, German and Spanish; zero and one in French and
    /// Brazilian Portuguese (CLDR's rule for both); Japanese has one form, which its resources give twice.
    /// </summary>
    /// <param name="count">The count.</param>
    /// <returns>True for the singular.</returns>
    public static bool IsOne(long count) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "fr" or "pt" => count is 0 or 1,
        _ => count == 1,
    };

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
