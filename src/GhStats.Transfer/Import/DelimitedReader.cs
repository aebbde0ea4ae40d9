using System.Text;

namespace GhStats.Transfer.Import;

/// <summary>
/// Reads comma-delimited text as pandas' <c>to_csv</c>, Python's <c>','.join</c> and Db2's <c>EXPORT ... OF DEL</c> write
/// it: fields separated by commas, text optionally in double quotes with inner quotes doubled, records ended by LF or
/// CRLF. It streams record by record and refuses, with the file and line, what no such tool writes: bytes that are
/// not UTF-8, NUL characters, a quote left open at the end (a truncated file), and fields or records too large.
/// </summary>
internal sealed class DelimitedReader : IDisposable
{
    /// <summary>Longer than any field the sources hold (paths 400, emails 254, Db2 VARCHAR(255)): anything past it is not theirs.</summary>
    public const int MaxFieldLength = 4096;

    private const int MaxFields = 64;

    private readonly TextReader reader;
    private readonly string file;
    private readonly StringBuilder field = new();
    private int line = 1;

    private DelimitedReader(TextReader reader, string file)
    {
        this.reader = reader;
        this.file = file;
    }

    /// <summary>Opens a file for reading; its bytes must be UTF-8 (ASCII included), a byte order mark is skipped.</summary>
    public static DelimitedReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Open(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a stream (an archive's entry) named <paramref name="file"/> in messages; disposing the reader disposes it.</summary>
    public static DelimitedReader Open(Stream stream, string file) =>
        new(new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false), file);

    /// <summary>Reads every record, one at a time.</summary>
    public IEnumerable<DelimitedRecord> Records(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = Next();
            if (record is null)
            {
                yield break;
            }

            yield return record;
        }
    }

    public void Dispose() => reader.Dispose();

    private DelimitedRecord? Next()
    {
        var start = line;
        var fields = new List<string?>();
        var quoted = false;
        var wasQuoted = false;
        var any = false;
        field.Clear();
        while (true)
        {
            var c = Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new ImportFormatException($"{file}:{start}: the file ends inside a quoted field; it looks truncated.");
                }

                if (!any && fields.Count == 0)
                {
                    return null;
                }

                fields.Add(Field(wasQuoted));
                return new DelimitedRecord(start, fields);
            }

            any = true;
            var ch = (char)c;
            if (ch == '\0')
            {
                throw new ImportFormatException($"{file}:{line}: a NUL character; this is not a text export.");
            }

            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    fields.Add(Field(wasQuoted));
                    if (fields.Count > MaxFields)
                    {
                        throw new ImportFormatException($"{file}:{start}: more than {MaxFields} fields in one record.");
                    }

                    wasQuoted = false;
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    line++;
                    fields.Add(Field(wasQuoted));
                    return new DelimitedRecord(start, fields);
                default:
                    Append(ch);
                    break;
            }
        }
    }

    private int Read()
    {
        try
        {
            return reader.Read();
        }
        catch (DecoderFallbackException invalid)
        {
            throw new ImportFormatException($"{file}:{line}: the bytes are not UTF-8 text; export with CODEPAGE=1208 (Db2) or save as UTF-8.", invalid);
        }
    }

    private void Append(char c)
    {
        if (field.Length >= MaxFieldLength)
        {
            throw new ImportFormatException($"{file}:{line}: a field is longer than {MaxFieldLength} characters; no such field is in this tool's files.");
        }

        field.Append(c);
    }

    private string? Field(bool wasQuoted) => field.Length == 0 && !wasQuoted ? null : field.ToString();
}
