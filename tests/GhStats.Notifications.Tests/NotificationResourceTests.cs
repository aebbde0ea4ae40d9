using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GhStats.Notifications.Localization;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

/// <summary>
/// The notifications' resource files, as compiled into the package and its satellite assemblies: every key in every
/// language, with the same placeholders, and translated (no value left as the English one unless it is the same word
/// or pure punctuation in that language).
/// </summary>
public sealed partial class NotificationResourceTests
{
    /// <summary>Values that are rightly the same as English: (resource, key, language).</summary>
    private static readonly HashSet<(string Resource, string Key, string Language)> SameAsEnglish =
    [
        .. new[] { "de", "fr", "es", "pt-BR" }.Select(l => ("Localization.SharedText", "ListPair", l)),
        .. new[] { "es", "pt-BR", "ja" }.Select(l => ("Localization.SharedText", "Percent", l)),
        ("Localization.SharedText", "Details", "de"),
        ("Localization.SharedText", "MinutesOne", "fr"),
        ("Localization.SharedText", "MinutesOther", "fr"),
        .. new[] { "de", "fr", "es", "pt-BR" }.Select(l => ("Events.TroubleStartedRenderer", "Summary", l)),
    ];

    public static TheoryData<string> Resources => [.. ResourceNames()];

    [Fact]
    public void EveryRenderer_HasItsResources_AndTheSharedOnesExist()
    {
        ResourceNames().ShouldBe(
        [
            "Events.DigestRenderer", "Events.SpikeRenderer", "Events.TroubleResolvedRenderer", "Events.TroubleStartedRenderer", "Events.TroubleText",
            "Localization.SharedText", "Rendering.ChannelTestRenderer",
        ]);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void EveryKey_IsInEveryLanguage_WithItsPlaceholders_AndTranslated(string resource)
    {
        var manager = new ResourceManager("GhStats.Notifications.Resources." + resource, typeof(SharedText).Assembly);
        var english = Entries(manager, CultureInfo.InvariantCulture).ShouldNotBeNull();
        english.ShouldNotBeEmpty();
        var problems = new List<string>();
        foreach (var language in GhStatsLanguages.Supported.Where(l => l != GhStatsLanguages.Default))
        {
            var translated = Entries(manager, CultureInfo.GetCultureInfo(language));
            if (translated is null)
            {
                problems.Add($"{language}: no resource file");
                continue;
            }

            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{language}: {k} is not in the English file"));
            foreach (var (key, value) in english)
            {
                if (!translated.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{language}: {key} is missing");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(value)))
                {
                    problems.Add($"{language}: {key} has placeholders {string.Join(' ', Placeholders(text))}, English {string.Join(' ', Placeholders(value))}");
                }
                else if (text == value && !SameAsEnglish.Contains((resource, key, language)))
                {
                    problems.Add($"{language}: {key} is still English: \"{value}\"");
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    private static List<string> ResourceNames() =>
    [
        .. typeof(SharedText).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("GhStats.Notifications.Resources.", StringComparison.Ordinal) && n.EndsWith(".resources", StringComparison.Ordinal))
            .Select(n => n["GhStats.Notifications.Resources.".Length..^".resources".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>One language's own entries (no fallback to the neutral file), or null when it has no file.</summary>
    private static Dictionary<string, string>? Entries(ResourceManager manager, CultureInfo culture)
    {
        try
        {
            var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
            return set?.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        }
        catch (MissingManifestResourceException)
        {
            return null;
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
