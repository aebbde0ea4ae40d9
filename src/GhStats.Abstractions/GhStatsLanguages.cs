using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GhStats;

/// <summary>
/// The languages GhStats speaks: English (the default, the neutral resources) and the languages every resource file is
/// translated into. Pages pick one per request (cookie, then the browser's Accept-Language); digests and alerts use
/// each recipient's stored choice.
/// </summary>
public static class GhStatsLanguages
{
    /// <summary>The default language, and the one CSV headers, log messages and the API's wire names stay in.</summary>
    public const string Default = "en";

    /// <summary>Every language, by its culture name, English first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "de", "fr", "es", "pt-BR", "ja"];

    /// <summary>Whether <paramref name="name"/> names a supported language exactly as <see cref="Supported"/> spells it, any case.</summary>
    /// <param name="name">The candidate, e.g. "pt-br".</param>
    /// <returns>True when supported.</returns>
    public static bool IsSupported([NotNullWhen(true)] string? name) => Normalize(name) is not null;

    /// <summary>The supported language <paramref name="name"/> names, spelt as <see cref="Supported"/> does, or null.</summary>
    /// <param name="name">The candidate, any case, e.g. "PT-br" or "de".</param>
    /// <returns>The language, or null when unsupported or empty.</returns>
    public static string? Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Supported.FirstOrDefault(s => string.Equals(s, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The culture of a language, or of <see cref="Default"/> when <paramref name="name"/> is not supported.</summary>
    /// <param name="name">The language.</param>
    /// <returns>The culture, read-only.</returns>
    public static CultureInfo CultureOf(string? name) => CultureInfo.GetCultureInfo(Normalize(name) ?? Default);

    /// <summary>A language's own name for itself, as a picker shows it ("Deutsch", "日本語").</summary>
    /// <param name="name">A supported language.</param>
    /// <returns>Its name in itself, first letter upper-case.</returns>
    public static string NativeName(string name)
    {
        var culture = CultureOf(name);
        var native = culture.NativeName;
        return native.Length == 0 ? name : char.ToUpper(native[0], culture) + native[1..];
    }
}
