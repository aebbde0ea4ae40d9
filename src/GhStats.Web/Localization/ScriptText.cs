using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.Localization;

/// <summary>
/// The strings a page's scripts show, as the JSON the page carries (<c>&lt;script type="application/json"
/// id="ghstats-text"&gt;</c>, read by ghstats.js's <c>t()</c>): those of the page script and of every module it
/// imports, each file's in Resources/Assets/{file}.resx, in the request's language. The same resource files the
/// server's texts come from, so a translator edits one kind of file; cached per script and language. A key names
/// one string across all the scripts' files (a test checks that no two files share one).
/// </summary>
internal sealed class ScriptText(IStringLocalizerFactory factory, GhStats.Web.Ui.UiAssets assets)
{
    private const string SharedFile = "ghstats";

    private static readonly string AssemblyName = typeof(ScriptText).Assembly.GetName().Name!;

    // Escapes what could end the script element (<, >, &) but keeps every script's letters readable.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly ConcurrentDictionary<(string Script, string Culture), string> _cache = new();

    /// <summary>The JSON object of the shared module's and <paramref name="script"/>'s strings in the current UI culture.</summary>
    /// <param name="script">The page's script file, e.g. "overview.js", or null for the shared strings only.</param>
    /// <returns>A JSON object of key to text, safe to place inside a script element.</returns>
    public string For(string? script)
    {
        var name = script is null ? SharedFile : Path.GetFileNameWithoutExtension(script);
        return _cache.GetOrAdd((name, CultureInfo.CurrentUICulture.Name), key => Build(key.Script));
    }

    /// <summary>One string of the shared module (Resources/Assets/ghstats.resx), for a page that names what its scripts show.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text in the current UI culture.</returns>
    public string Shared(string key) => factory.Create("Assets." + SharedFile, AssemblyName)[key];

    private string Build(string script)
    {
        var strings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(strings, SharedFile);
        foreach (var module in assets.ModulesOf(script + ".js").Select(Path.GetFileNameWithoutExtension).Where(m => m != SharedFile))
        {
            Add(strings, module!);
        }

        return JsonSerializer.Serialize(strings, Json);
    }

    private void Add(SortedDictionary<string, string> strings, string script)
    {
        var localizer = factory.Create("Assets." + script, AssemblyName);
        try
        {
            foreach (var text in localizer.GetAllStrings(includeParentCultures: true))
            {
                strings[text.Name] = text.Value;
            }
        }
        catch (MissingManifestResourceException)
        {
            // A script without strings of its own has no resource file; a missing key shows as ⟦key⟧ on its page.
        }
    }
}
