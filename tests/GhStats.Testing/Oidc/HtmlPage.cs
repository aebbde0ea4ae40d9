using System.Net;
using System.Text.RegularExpressions;

namespace GhStats.Testing.Oidc;

/// <summary>
/// Just enough reading of the few machine-made pages a sign-in passes through (the test provider's login and
/// sign-out pages, oidc-provider's form_post page, ASP.NET Core's auto-submitting form) to act as a browser would.
/// It is not an HTML parser: it reads forms, inputs, buttons and one element by id with regular expressions.
/// </summary>
internal sealed partial class HtmlPage
{
    private readonly string _html;

    private HtmlPage(string html)
    {
        _html = html;
        Forms = [.. FormPattern().Matches(html).Select(match => HtmlForm.Read(match.Groups["attributes"].Value, match.Groups["content"].Value))];
    }

    /// <summary>The page's forms, in document order.</summary>
    public IReadOnlyList<HtmlForm> Forms { get; }

    /// <summary>True when a script on the page submits a form by itself, as form_post and ASP.NET Core's redirect pages do.</summary>
    public bool SubmitsItself => ScriptPattern().Matches(_html).Any(script => SubmitCallPattern().IsMatch(script.Value));

    /// <summary>Reads <paramref name="html"/>.</summary>
    public static HtmlPage Read(string html) => new(html);

    /// <summary>The form with id <paramref name="id"/>, or null.</summary>
    public HtmlForm? FormWithId(string id) => Forms.FirstOrDefault(form => string.Equals(form.Id, id, StringComparison.Ordinal));

    /// <summary>The attributes of the button with id <paramref name="id"/>, wherever it is on the page, or null.</summary>
    public IReadOnlyDictionary<string, string>? ButtonWithId(string id) =>
        ButtonPattern().Matches(_html)
            .Select(match => Attributes(match.Groups["attributes"].Value))
            .FirstOrDefault(attributes => attributes.TryGetValue("id", out var value) && value == id);

    /// <summary>The decoded text inside the element with id <paramref name="id"/>, or null when there is none.</summary>
    public string? TextOfElementWithId(string id)
    {
        foreach (Match start in OpeningTagPattern().Matches(_html))
        {
            if (!Attributes(start.Groups["attributes"].Value).TryGetValue("id", out var value) || value != id)
            {
                continue;
            }

            // The first closing tag of the same name ends it: enough for the flat elements these pages hold.
            var contentStart = start.Index + start.Length;
            var end = _html.IndexOf("</" + start.Groups["tag"].Value, contentStart, StringComparison.OrdinalIgnoreCase);
            var content = end < 0 ? _html[contentStart..] : _html[contentStart..end];
            return WebUtility.HtmlDecode(TagPattern().Replace(content, string.Empty)).Trim();
        }

        return null;
    }

    /// <summary>The attributes of one tag (names case-insensitive, values decoded; a bare attribute has an empty value).</summary>
    public static Dictionary<string, string> Attributes(string attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in AttributePattern().Matches(attributes))
        {
            result.TryAdd(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value));
        }

        return result;
    }

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<content>.*?)</form\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<button\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonPattern();

    [GeneratedRegex(@"<(?<tag>[a-z][a-z0-9]*)\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningTagPattern();

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"\.submit\s*\(\s*\)")]
    private static partial Regex SubmitCallPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+)))?")]
    private static partial Regex AttributePattern();
}
