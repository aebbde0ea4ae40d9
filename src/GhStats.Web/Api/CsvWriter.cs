using System.Globalization;
using System.Text;

namespace GhStats.Web.Api;

/// <summary>
/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. A text field that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with a quote mark.
/// </summary>
internal sealed class CsvWriter(TextWriter output) : IAsyncDisposable
{
    // A line is built in memory and written with one asynchronous call: ASP.NET Core refuses synchronous writes.
    private readonly StringBuilder _line = new();
    private bool _lineStarted;

    public CsvWriter Text(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return Field(text);
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

    private CsvWriter Field(string value)
    {
        if (_lineStarted)
        {
            _line.Append(',');
        }

        _lineStarted = true;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
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
