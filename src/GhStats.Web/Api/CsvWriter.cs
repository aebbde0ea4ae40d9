using System.Buffers;
using System.Globalization;
using System.Text;

namespace GhStats.Web.Api;

/// <summary>
/// Writes RFC 4180 CSV: fields with commas, semicolons, tabs, quotes or line breaks are quoted, quotes doubled, so no
/// locale's list separator splits a cell. A text field that a spreadsheet would run as a formula is prefixed with a quote
/// mark (OWASP's CSV injection guidance): one that starts with a tab or carriage return, or whose first character after
/// leading spaces, tabs and line breaks is =, +, -, @ or their full-width forms.
/// </summary>
internal sealed class CsvWriter(TextWriter output) : IAsyncDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",;\t\"\r\n");

    // A line is built in memory and written with one asynchronous call: ASP.NET Core refuses synchronous writes.
    private readonly StringBuilder _line = new();
    private bool _lineStarted;

    public CsvWriter Text(string? value)
    {
        var text = value ?? string.Empty;
        return Field(RunsAsFormula(text) ? "'" + text : text);
    }

    public CsvWriter Number(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    public CsvWriter Number(long? value) => Field(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    public CsvWriter Date(DateOnly value) => Field(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public async Task EndLineAsync()
    {
        _line.Append("\r\n");
        await output.WriteAsync(_line);
        _line.Clear();
        _lineStarted = false;
    }

    /// <summary>Writes out what is buffered and releases the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        await output.FlushAsync();
        await output.DisposeAsync();
    }

    public Task HeaderAsync(params string[] names)
    {
        foreach (var name in names)
        {
            Field(name);
        }

        return EndLineAsync();
    }

    private static bool RunsAsFormula(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] is '\t' or '\r')
        {
            return true;
        }

        var first = text.AsSpan().TrimStart(" \t\r\n");
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    private CsvWriter Field(string value)
    {
        if (_lineStarted)
        {
            _line.Append(',');
        }

        _lineStarted = true;
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            _line.Append(value);
        }
        else
        {
            _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return this;
    }
}
