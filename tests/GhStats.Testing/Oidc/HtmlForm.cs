using System.Text.RegularExpressions;

namespace GhStats.Testing.Oidc;

/// <summary>One form of an <see cref="HtmlPage"/>: where it goes and the fields a browser would send.</summary>
internal sealed partial class HtmlForm
{
    private static readonly HashSet<string> UnsentInputTypes = new(StringComparer.OrdinalIgnoreCase) { "submit", "button", "image", "reset", "file" };

    private HtmlForm(string? id, string method, string? action, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        Id = id;
        Method = method;
        Action = action;
        Fields = fields;
    }

    /// <summary>The form's id attribute, or null.</summary>
    public string? Id { get; }

    /// <summary>"GET" or "POST" (upper case; GET when the attribute is missing, as in browsers).</summary>
    public string Method { get; }

    /// <summary>The action attribute as written (possibly relative), or null when missing (the page's own address).</summary>
    public string? Action { get; }

    /// <summary>The named inputs a browser sends on submit, in document order, without submit buttons and unchecked boxes.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>Reads a form from its tag's attributes and its inner HTML.</summary>
    public static HtmlForm Read(string attributes, string content)
    {
        var formAttributes = HtmlPage.Attributes(attributes);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(content))
        {
            var inputAttributes = HtmlPage.Attributes(input.Groups["attributes"].Value);
            if (!inputAttributes.TryGetValue("name", out var name) || name.Length == 0)
            {
                continue;
            }

            var type = inputAttributes.GetValueOrDefault("type", "text");
            var isBox = string.Equals(type, "checkbox", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "radio", StringComparison.OrdinalIgnoreCase);
            if (UnsentInputTypes.Contains(type) || (isBox && !inputAttributes.ContainsKey("checked")))
            {
                continue;
            }

            fields.Add(new(name, inputAttributes.GetValueOrDefault("value", isBox ? "on" : string.Empty)));
        }

        return new HtmlForm(
            formAttributes.GetValueOrDefault("id"),
            formAttributes.GetValueOrDefault("method", "get").ToUpperInvariant(),
            formAttributes.GetValueOrDefault("action"),
            fields);
    }

    [GeneratedRegex(@"<input\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();
}
