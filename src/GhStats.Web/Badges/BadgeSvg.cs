using System.Globalization;
using System.Text;

namespace GhStats.Web.Badges;

/// <summary>
/// A flat two-part badge drawn by hand: every text is XML-escaped, widths come from a small table of Verdana 11px advance
/// widths (close enough for a badge; no font is loaded), and the image carries its own accessible name.
/// </summary>
internal static class BadgeSvg
{
    private const double Padding = 6;

    public static string Render(string label, string message, string color, string title)
    {
        var labelWidth = Width(label);
        var messageWidth = Width(message);
        var total = labelWidth + messageWidth;
        var name = Escape(title);
        var svg = new StringBuilder(1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total}\" height=\"20\" role=\"img\" aria-label=\"{name}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{name}</title>")
            .Append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
            .Append(CultureInfo.InvariantCulture, $"<clipPath id=\"r\"><rect width=\"{total}\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>")
            .Append("<g clip-path=\"url(#r)\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{labelWidth}\" height=\"20\" fill=\"#555\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" width=\"{messageWidth}\" height=\"20\" fill=\"{Escape(color)}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{total}\" height=\"20\" fill=\"url(#s)\"/></g>")
            .Append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\" aria-hidden=\"true\">")
            .Append(Text(labelWidth / 2.0, label))
            .Append(Text(labelWidth + (messageWidth / 2.0), message))
            .Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>A text's width in pixels with padding on both sides, rounded up.</summary>
    public static int Width(string text)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Advance(rune.Value);
        }

        return (int)Math.Ceiling(width + (2 * Padding));
    }

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&apos;"),

                // Characters XML 1.0 forbids become a visible replacement rather than an unreadable document.
                < ' ' and not '\t' and not '\n' and not '\r' => escaped.Append('\uFFFD'),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static string Text(double x, string text)
    {
        var escaped = Escape(text);
        var at = x.ToString("0.#", CultureInfo.InvariantCulture);
        return $"<text x=\"{at}\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">{escaped}</text><text x=\"{at}\" y=\"14\">{escaped}</text>";
    }

    /// <summary>Approximate advance widths of Verdana at 11px.</summary>
    private static double Advance(int c) => c switch
    {
        ' ' => 3.9,
        'i' or 'l' or 'j' or '.' or ',' or ':' or ';' or '|' or '!' or '\'' => 3.3,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '/' or '-' => 4.6,
        'm' or 'w' => 9.7,
        'M' or 'W' => 10.4,
        >= '0' and <= '9' => 7.0,
        >= 'a' and <= 'z' => 6.6,
        >= 'A' and <= 'Z' => 7.5,
        '%' or '@' or '&' => 10.0,
        < 0x80 => 6.6,
        _ => 11.0,
    };
}
