using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>
/// Every resource file of the web module is complete in every language GhStats offers: the same keys as English, no
/// empty text, the same placeholders, and no English left where a translation belongs; and no two script files
/// share a key (a page's scripts read one merged set of strings).
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly Assembly Web = typeof(GhStats.Web.Localization.ScriptText).Assembly;

    // Words that are the same in every language as in English: names and acronyms.
    private static readonly HashSet<string> SameEverywhere = new(StringComparer.Ordinal)
    {
        "GhStats", "GitHub", "API", "CSV", "JSON", "OK", "ok", "URL", "ID", "Slack", "Webhook", "PAT", "SMTP", "OpenAPI",
    };

    // Loanwords a language uses as English does (GitHub's own translations use them too).
    private static readonly Dictionary<string, HashSet<string>> SameInLanguage = new(StringComparer.Ordinal)
    {
        ["de"] = new(StringComparer.Ordinal) { "Name", "optional", "Repository", "Token", "Tokens", "Release", "Releases", "Tag", "Tags", "Webhooks", "Dashboard", "Dashboards", "Link", "Links", "Status", "Export", "Import", "Forks", "Downloads", "Badges", "Text" },
        ["fr"] = new(StringComparer.Ordinal) { "Invitations", "Notifications", "Clones", "Token", "Tokens", "Release", "Releases", "Tag", "Tags", "Webhooks", "Dashboard", "Dashboards", "Export", "Import", "Date", "Total", "Message", "Actions", "Source", "Type", "Forks", "Badges", "Note", "Notes", "Page" },
        ["es"] = new(StringComparer.Ordinal) { "no", "Clones", "Token", "Tokens", "Release", "Releases", "Tag", "Tags", "Webhooks", "Dashboard", "Dashboards", "Total", "Error" },
        ["pt-BR"] = new(StringComparer.Ordinal) { "Clones", "Token", "Tokens", "Release", "Releases", "Tag", "Tags", "Webhooks", "Dashboard", "Dashboards", "Total", "Status", "Forks", "Downloads" },
        ["ja"] = new(StringComparer.Ordinal),
    };

    public static TheoryData<string> ResourceFiles() => new(BaseNames());

    private static IEnumerable<string> BaseNames() =>
        Web.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(name => name[..^".resources".Length]);

    [Fact]
    public void TheModule_HasResourceFiles_UnderResources()
    {
        var files = BaseNames().ToList();
        files.ShouldContain("GhStats.Web.Resources.Ui.Pages.Shell");
        files.ShouldAllBe(file => file.StartsWith("GhStats.Web.Resources.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryLanguage_HasEveryString(string baseName)
    {
        var manager = new ResourceManager(baseName, Web);
        var english = Strings(manager, CultureInfo.InvariantCulture);
        english.ShouldNotBeEmpty();
        var problems = new List<string>();
        foreach (var language in GhStatsLanguages.Supported.Where(l => l != GhStatsLanguages.Default))
        {
            var translated = Strings(manager, CultureInfo.GetCultureInfo(language));
            foreach (var (key, text) in english)
            {
                if (!translated.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{language}: {key} is missing");
                    continue;
                }

                if (!Placeholders(value).SetEquals(Placeholders(text)))
                {
                    problems.Add($"{language}: {key} has placeholders {string.Join(",", Placeholders(value))}, English {string.Join(",", Placeholders(text))}");
                }

                if (value == text && !IsSameIn(language, text))
                {
                    problems.Add($"{language}: {key} is still English: \"{text}\"");
                }
            }

            problems.AddRange(translated.Keys.Except(english.Keys).Select(key => $"{language}: {key} is not in the English file"));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void NoTwoScriptFiles_ShareAKey()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var baseName in BaseNames().Where(n => n.StartsWith("GhStats.Web.Resources.Assets.", StringComparison.Ordinal)))
        {
            foreach (var key in Strings(new ResourceManager(baseName, Web), CultureInfo.InvariantCulture).Keys)
            {
                if (!owners.TryAdd(key, baseName))
                {
                    clashes.Add($"{key}: {owners[key]} and {baseName}");
                }
            }
        }

        clashes.ShouldBeEmpty();
    }

    // Placeholders ({title}, {0}) name values, not English words.
    private static bool IsSameIn(string language, string text) =>
        WordPattern().Matches(PlaceholderPattern().Replace(text, " ")).All(word =>
            SameEverywhere.Contains(word.Value) || SameInLanguage[language].Contains(word.Value) || !word.Value.Any(char.IsLetter));

    private static Dictionary<string, string> Strings(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (set is null)
        {
            return strings;
        }

        foreach (DictionaryEntry entry in set)
        {
            strings[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return strings;
    }

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[\w:]+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"[^\s\p{P}]+")]
    private static partial Regex WordPattern();
}
