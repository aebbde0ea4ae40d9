using System.Text.Json.Nodes;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Senders;

/// <summary>
/// A document as a Slack Block Kit message: a header block (the title), a section with the summary, per section of the
/// document a section block whose mrkdwn text holds the heading and the lines without figures and whose fields hold the
/// lines with figures (ten per block, Slack's limit), and a context block naming the tenant with the link. Text is
/// escaped (&amp;, &lt;, &gt;) so nothing in it becomes a mention or a link; links are <c>&lt;url|text&gt;</c>.
/// </summary>
internal static class SlackBlocks
{
    private const int MaxBlocks = 50;
    private const int MaxHeader = 150;
    private const int MaxText = 3000;
    private const int MaxField = 2000;
    private const int FieldsPerBlock = 10;

    /// <param name="document">The document, rendered in the channel's language.</param>
    /// <param name="context">The tenant.</param>
    /// <param name="openInGhStats">The footer link's text in that language.</param>
    public static JsonObject Build(NotificationDocument document, NotificationRenderContext context, string openInGhStats)
    {
        var blocks = new List<JsonObject>
        {
            new()
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(document.Title, MaxHeader), ["emoji"] = false },
            },
        };
        if (document.Summary.Length > 0)
        {
            blocks.Add(Section(Escape(document.Summary)));
        }

        foreach (var section in document.Sections)
        {
            var text = string.Join('\n', section.Lines.Where(l => l.Figure is null).Select(l => "• " + LinkOrText(l.Text, l.Link))
                .Prepend($"*{Escape(section.Heading)}*"));
            var fields = section.Lines.Where(l => l.Figure is not null)
                .Select(l => Cut($"*{LinkOrText(l.Text, l.Link)}*\n{Escape(l.Figure!)}", MaxField))
                .Chunk(FieldsPerBlock).ToList();
            var block = Section(text);
            if (fields.Count > 0)
            {
                block["fields"] = Fields(fields[0]);
            }

            blocks.Add(block);
            blocks.AddRange(fields.Skip(1).Select(chunk => new JsonObject { ["type"] = "section", ["fields"] = Fields(chunk) }));
        }

        var footer = $"GhStats · {Escape(context.TenantName)}";
        if (Linkable(document.Link) is { } link)
        {
            footer += $" · <{Url(link)}|{Escape(openInGhStats)}>";
        }

        var kept = blocks.Take(MaxBlocks - 1).Append(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = footer }),
        });
        return new JsonObject
        {
            // The notification preview and the fallback for clients that show no blocks.
            ["text"] = Cut(Escape(document.Title), MaxText),
            ["blocks"] = new JsonArray([.. kept]),
        };
    }

    /// <summary>Slack's mrkdwn escaping: the three characters that start mentions, links and entities.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, MaxText) },
    };

    private static JsonArray Fields(IEnumerable<string> texts) =>
        new([.. texts.Select(t => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = t })]);

    private static string LinkOrText(string text, Uri? link) =>
        Linkable(link) is { } url ? $"<{Url(url)}|{Escape(text)}>" : Escape(text);

    /// <summary>Only absolute http(s) links: a renderer's link never becomes another scheme in a message.</summary>
    internal static Uri? Linkable(Uri? link) => link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link : null;

    /// <summary>A URL inside &lt;url|text&gt;: escaped like text, and a '|' would end it early.</summary>
    private static string Url(Uri link) => Escape(link.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal);

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
