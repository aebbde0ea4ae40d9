using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GhStats.Notifications.Delivery;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using MimeKit;

namespace GhStats.Notifications.Senders;

/// <summary>
/// A document as an email: subject from the title, a text/plain and a text/html part (every piece of text HTML-encoded),
/// a Message-Id made of the event id and the destination so that a resend is recognisable as the same message, and a
/// <c>GhStats-Event-Id</c> header. The document comes rendered in the recipient's language; the email says which
/// (<c>Content-Language</c>, the HTML's <c>lang</c>), and its own words come from <see cref="MessageText"/>.
/// </summary>
internal static class EmailComposer
{
    public const string EventIdHeader = "GhStats-Event-Id";

    private static readonly HtmlEncoder HtmlText = HtmlEncoder.Create(UnicodeRanges.All);

    public static MimeMessage Compose(NotificationEnvelope envelope, MailboxAddress from, IEnumerable<MailboxAddress> recipients, DateTimeOffset now, MessageText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = envelope.RequiredDocument;
        var language = GhStatsLanguages.Normalize(envelope.Destination.Language) ?? GhStatsLanguages.Default;
        var open = text["OpenInGhStats"];
        var message = new MimeMessage { Subject = document.Title, Date = now };
        message.From.Add(from);
        message.To.AddRange(recipients);
        message.MessageId = MessageId(envelope, from);
        message.Headers.Add(EventIdHeader, envelope.Message.EventId.ToString());
        message.Body = new BodyBuilder { TextBody = Text(document, envelope.Tenant, open), HtmlBody = Html(document, envelope.Tenant, open, language) }.ToMessageBody();

        // A content header: MimeKit keeps it with the body, where mail clients look for it.
        message.Body.Headers[HeaderId.ContentLanguage] = language;
        return message;
    }

    /// <summary><c>&lt;event id&gt;.&lt;destination&gt;@&lt;sender's domain&gt;</c>: the same for every attempt of one message.</summary>
    public static string MessageId(NotificationEnvelope envelope, MailboxAddress from) =>
        $"{envelope.Message.EventId:N}.{envelope.Destination.Key}@{(string.IsNullOrEmpty(from.Domain) ? "ghstats.invalid" : from.Domain)}";

    private static string Text(NotificationDocument document, NotificationRenderContext context, string open)
    {
        var text = new StringBuilder().Append(document.Title).Append("\n\n").Append(document.Summary).Append('\n');
        foreach (var section in document.Sections)
        {
            text.Append('\n').Append(section.Heading).Append('\n');
            foreach (var line in section.Lines)
            {
                text.Append("- ").Append(line.Text);
                if (line.Figure is not null)
                {
                    text.Append(": ").Append(line.Figure);
                }

                if (SlackBlocks.Linkable(line.Link) is { } lineLink)
                {
                    text.Append(" <").Append(lineLink.AbsoluteUri).Append('>');
                }

                text.Append('\n');
            }
        }

        if (SlackBlocks.Linkable(document.Link) is { } link)
        {
            text.Append('\n').Append(open).Append(": ").Append(link.AbsoluteUri).Append('\n');
        }

        return text.Append("\n-- \nGhStats · ").Append(context.TenantName).Append('\n').ToString();
    }

    private static string Html(NotificationDocument document, NotificationRenderContext context, string open, string language)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"").Append(Encode(language)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(document.Title)).Append("</title></head><body style=\"font-family:sans-serif\"><h1>")
            .Append(Encode(document.Title)).Append("</h1><p>").Append(Encode(document.Summary)).Append("</p>");
        foreach (var section in document.Sections)
        {
            html.Append("<h2>").Append(Encode(section.Heading)).Append("</h2><ul>");
            foreach (var line in section.Lines)
            {
                html.Append("<li>").Append(Anchor(line.Text, line.Link));
                if (line.Figure is not null)
                {
                    html.Append(": <strong>").Append(Encode(line.Figure)).Append("</strong>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (SlackBlocks.Linkable(document.Link) is { } link)
        {
            html.Append("<p>").Append(Anchor(open, link)).Append("</p>");
        }

        return html.Append("<hr><p style=\"color:#666\">GhStats · ").Append(Encode(context.TenantName)).Append("</p></body></html>").ToString();
    }

    private static string Anchor(string text, Uri? link) => SlackBlocks.Linkable(link) is { } url
        ? $"<a href=\"{Encode(url.AbsoluteUri)}\">{Encode(text)}</a>"
        : Encode(text);

    /// <summary>HTML-encodes markup characters but leaves letters of every script as they are: the part is UTF-8.</summary>
    private static string Encode(string text) => HtmlText.Encode(text);
}
