namespace GhStats.Testing.Postgres;

/// <summary>Trims long process output and server logs to their last lines for error messages.</summary>
internal static class TextTail
{
    /// <summary>The last <paramref name="lines"/> non-empty lines of <paramref name="text"/>, or a placeholder when there are none.</summary>
    public static string Of(string? text, int lines = 40)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "    (no output)";
        }

        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(line => "    " + line));
    }

    /// <summary>The last lines of a file, or a note saying why it could not be read.</summary>
    public static string OfFile(string path, int lines = 40)
    {
        try
        {
            return File.Exists(path) ? Of(File.ReadAllText(path), lines) : $"    ({path} does not exist)";
        }
        catch (IOException ex)
        {
            return $"    (could not read {path}: {ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"    (could not read {path}: {ex.Message})";
        }
    }
}
