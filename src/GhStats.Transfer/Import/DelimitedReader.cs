using System.Buffers;
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

    /// <summary>What the decoder puts where bytes are not UTF-8, so the error names the line it is on.</summary>
    private const char NotUtf8 = '\uFFFF';

    /// <summary>What <see cref="Next"/> returns for a record passed over.</summary>
    private static readonly DelimitedRecord Skipped = new(0, []);

    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\n\r\"\0\uFFFF");

    private readonly TextReader reader;
    private readonly string file;
    private readonly InvalidBytes invalid;
    private readonly StringBuilder field = new();
    private readonly char[] buffer = new char[64 * 1024];
    private int position;
    private int length;
    private int line = 1;

    private DelimitedReader(TextReader reader, string file, InvalidBytes invalid)
    {
        this.reader = reader;
        this.file = file;
        this.invalid = invalid;
    }

    /// <summary>Opens a file for reading; its bytes must be UTF-8 (ASCII included), a byte order mark is skipped.</summary>
    public static DelimitedReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Open(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a stream (an archive's entry) named <paramref name="file"/> in messages; disposing the reader disposes it.</summary>
    public static DelimitedReader Open(Stream stream, string file)
    {
        // Decoded a buffer at a time, so invalid bytes become a marker the parser meets on their line, not an exception
        // thrown when the buffer is filled, lines ahead of the record being read.
        var invalid = new InvalidBytes();
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = invalid;
        return new(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false), file, invalid);
    }

    /// <summary>Reads every record, one at a time.</summary>
    public IEnumerable<DelimitedRecord> Records(CancellationToken cancellationToken) => Records(null, cancellationToken);

    /// <summary>
    /// Reads the records whose first field <paramref name="wanted"/> accepts; the others are passed over without reading
    /// their other fields (a pass that needs a few keys of a large file). Passed-over records are not checked.
    /// </summary>
    public IEnumerable<DelimitedRecord> Records(Func<string?, bool>? wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = Next(wanted);
            if (record is null)
            {
                yield break;
            }

            if (record != Skipped)
            {
                yield return record;
            }
        }
    }

    public void Dispose() => reader.Dispose();

    private DelimitedRecord? Next(Func<string?, bool>? wanted)
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

            if (ch == NotUtf8 && invalid.Seen)
            {
                throw new ImportFormatException($"{file}:{line}: the bytes are not UTF-8 text; export with CODEPAGE=1208 (Db2) or save as UTF-8.");
            }

            if (quoted)
            {
                if (ch == '"')
                {
                    if (Peek() == '"')
                    {
                        position++;
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
                    if (fields.Count == 1 && wanted is not null && !wanted(fields[0]))
                    {
                        SkipRestOfRecord(start);
                        return Skipped;
                    }

                    if (fields.Count > MaxFields)
                    {
                        throw new ImportFormatException($"{file}:{start}: more than {MaxFields} fields in one record.");
                    }

                    wasQuoted = false;
                    field.Clear();
                    break;
                case '\r' when Peek() == '\n':
                    break;
                case '\n':
                    line++;
                    fields.Add(Field(wasQuoted));
                    return new DelimitedRecord(start, fields);
                default:
                    Append(ch);
                    AppendPlainRun();
                    break;
            }
        }
    }

    /// <summary>Moves past the rest of a record: to the line end outside quotes, counting the lines inside them.</summary>
    private void SkipRestOfRecord(int start)
    {
        var quoted = false;
        while (position < length || Fill())
        {
            var rest = buffer.AsSpan(position, length - position);
            var next = rest.IndexOfAny('"', '\n');
            if (next < 0)
            {
                position = length;
                continue;
            }

            position += next + 1;
            if (rest[next] == '"')
            {
                quoted = !quoted;
                continue;
            }

            line++;
            if (!quoted)
            {
                return;
            }
        }

        if (quoted)
        {
            throw new ImportFormatException($"{file}:{start}: the file ends inside a quoted field; it looks truncated.");
        }
    }

    private int Read()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position++];
    }

    private int Peek() => position == length && !Fill() ? -1 : buffer[position];

    private bool Fill()
    {
        position = 0;
        length = reader.Read(buffer, 0, buffer.Length);
        return length > 0;
    }

    /// <summary>Takes the rest of an unquoted field that lies in the buffer at once, up to the next character that needs a look.</summary>
    private void AppendPlainRun()
    {
        var rest = buffer.AsSpan(position, length - position);
        var run = rest.IndexOfAny(FieldEnds);
        run = run < 0 ? rest.Length : run;
        if (field.Length + run > MaxFieldLength)
        {
            throw new ImportFormatException($"{file}:{line}: a field is longer than {MaxFieldLength} characters; no such field is in this tool's files.");
        }

        field.Append(rest[..run]);
        position += run;
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

    /// <summary>Marks bytes that are not UTF-8 with <see cref="NotUtf8"/> and remembers that it did.</summary>
    private sealed class InvalidBytes : DecoderFallback
    {
        public bool Seen { get; private set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Marker(this);

        private sealed class Marker(InvalidBytes owner) : DecoderFallbackBuffer
        {
            private bool pending;

            public override int Remaining => pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Seen = true;
                pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!pending)
                {
                    return '\0';
                }

                pending = false;
                return NotUtf8;
            }

            public override bool MovePrevious() => false;

            public override void Reset() => pending = false;
        }
    }
}
