using System.Text;

namespace GhStats.Web.Tests.Csv;

/// <summary>
/// A strict RFC 4180 reader: records end with CRLF; a field with a comma, quote or line break must be quoted, quotes
/// inside doubled. Anything else (a bare CR or LF outside quotes, a stray quote) is a <see cref="FormatException"/>.
/// </summary>
public static class Rfc4180
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"A quoted field opened before offset {i} never closes.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r'))
                {
                    if (text[i] is '"' or '\n')
                    {
                        throw new FormatException($"Unquoted field holds {(text[i] == '"' ? "a quote" : "a bare LF")} at offset {i}.");
                    }

                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                if (i == text.Length)
                {
                    throw new FormatException("The text ends after a comma.");
                }

                continue;
            }

            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
            {
                i += 2;
            }
            else if (i < text.Length)
            {
                throw new FormatException($"A field ends at offset {i} with neither a comma nor CRLF.");
            }

            records.Add([.. fields]);
            fields.Clear();
        }

        return records;
    }
}
