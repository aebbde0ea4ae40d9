using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace GhStats.Transfer.Archive;

/// <summary>
/// Reads an archive defensively: only the manifest and the known tables' entries at the root, every entry unpacked
/// through a meter that stops it past its limits, text strictly UTF-8, lines bounded, each table's row count and
/// SHA-256 compared with the manifest once it has been read to its end.
/// </summary>
internal sealed class ArchiveReader : IDisposable
{
    /// <summary>UTF-8 that throws on bytes that are not: for entry names and text.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const string NothingRestored = "nothing was restored";

    private readonly ZipArchive zip;
    private readonly ArchiveLimits limits;
    private readonly ZipMeter meter;

    private ArchiveReader(ZipArchive zip, ArchiveLimits limits, ArchiveManifest manifest)
    {
        this.zip = zip;
        this.limits = limits;
        meter = new ZipMeter(limits, NothingRestored);
        Manifest = manifest;
    }

    /// <summary>The archive's manifest, checked against its entries.</summary>
    public ArchiveManifest Manifest { get; }

    /// <summary>Opens an archive and checks its entries and manifest.</summary>
    /// <param name="stream">The archive; seekable.</param>
    /// <param name="limits">How large it may unpack.</param>
    /// <exception cref="ArchiveFormatException">When it is not a GhStats archive this version can restore.</exception>
    public static ArchiveReader Open(Stream stream, ArchiveLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true, StrictUtf8);
        }
        catch (Exception broken) when (broken is InvalidDataException or DecoderFallbackException)
        {
            throw new ArchiveFormatException($"The file is not a zip archive, or it is truncated: {broken.Message}", broken);
        }

        try
        {
            var manifest = ReadManifest(zip, limits);
            return new ArchiveReader(zip, limits, manifest);
        }
        catch (Exception broken) when (broken is InvalidDataException or DecoderFallbackException)
        {
            zip.Dispose();
            throw new ArchiveFormatException($"The archive's directory cannot be read: {broken.Message}", broken);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Reads a table's rows in order, with their line numbers; the count and checksum are checked at its end.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="cancellationToken">Stops between rows.</param>
    /// <exception cref="ArchiveFormatException">When a line or the table as a whole is not as written.</exception>
    public IEnumerable<(T Row, long Line)> Read<T>(string table, CancellationToken cancellationToken)
    {
        var listed = Manifest.Tables.FirstOrDefault(t => t.Name == table);
        if (listed is null)
        {
            yield break;
        }

        var entry = zip.GetEntry(listed.File)!;
        using var metered = meter.Open(entry);
        using var text = new StreamReader(metered, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var buffer = new StringBuilder();
        long line = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = ReadLine(text, buffer, entry.FullName, line + 1);
            if (read is null)
            {
                break;
            }

            line++;
            T? row;
            try
            {
                row = JsonSerializer.Deserialize<T>(read, ArchiveRows.Json);
            }
            catch (JsonException invalid)
            {
                throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry.FullName}:{line}: not a {table} row: {invalid.Message}"), invalid);
            }

            yield return (row ?? throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry.FullName}:{line}: null is not a row")), line);
        }

        if (line != listed.Rows)
        {
            throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry.FullName} holds {line} rows; the manifest says {listed.Rows}."));
        }

        var sha = metered.Sha256();
        if (!string.Equals(sha, listed.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArchiveFormatException($"{entry.FullName}: checksum mismatch (SHA-256 {sha}, the manifest says {listed.Sha256}); the archive was changed or damaged.");
        }
    }

    public void Dispose() => zip.Dispose();

    private static ArchiveManifest ReadManifest(ZipArchive zip, ArchiveLimits limits)
    {
        var entries = zip.Entries;
        var meter = new ZipMeter(limits, NothingRestored);
        meter.CheckHeaders(zip);
        var known = ArchiveTables.Order.Select(ArchiveTables.FileOf).Append(ArchiveTables.ManifestFile).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (ZipMeter.PathProblem(name, folders: false) is { } path)
            {
                throw new ArchiveFormatException($"The archive entry '{Shown(name)}' {path}; a GhStats archive holds only files at its root.");
            }

            if (!known.Contains(name))
            {
                throw new ArchiveFormatException($"The archive entry '{Shown(name)}' is not a table GhStats knows ({string.Join(", ", ArchiveTables.Order)}).");
            }

            if (!seen.Add(name))
            {
                throw new ArchiveFormatException($"The archive holds '{Shown(name)}' twice.");
            }
        }

        var manifestEntry = zip.GetEntry(ArchiveTables.ManifestFile)
            ?? throw new ArchiveFormatException($"The archive has no {ArchiveTables.ManifestFile}; it was not written by GhStats' export.");
        ArchiveManifest? manifest;
        try
        {
            using var metered = meter.Open(manifestEntry);
            using var bounded = new MeteredStream(metered, bytes =>
            {
                if (bytes > limits.MaxManifestBytes)
                {
                    throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{ArchiveTables.ManifestFile} is larger than {limits.MaxManifestBytes} bytes."));
                }
            });
            using var text = new StreamReader(bounded, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            var json = text.ReadToEnd();

            // The version first, on its own: a newer manifest may hold fields this version does not know.
            using (var document = JsonDocument.Parse(json))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("formatVersion", out var version) && version.TryGetInt32(out var number)
                    && number > ArchiveManifest.CurrentFormatVersion)
                {
                    throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"The archive has format version {number}; this GhStats restores version {ArchiveManifest.CurrentFormatVersion}. Restore it with the GhStats version that wrote it, or a newer one."));
                }
            }

            manifest = JsonSerializer.Deserialize<ArchiveManifest>(json, ArchiveRows.Json);
        }
        catch (Exception unreadable) when (unreadable is JsonException or DecoderFallbackException or InvalidDataException)
        {
            throw new ArchiveFormatException($"{ArchiveTables.ManifestFile} cannot be read: {unreadable.Message}", unreadable);
        }

        if (manifest is null || manifest.Format != ArchiveManifest.FormatName)
        {
            throw new ArchiveFormatException($"{ArchiveTables.ManifestFile} is not a GhStats archive manifest (format '{Shown(manifest?.Format ?? "")}').");
        }

        if (manifest.FormatVersion > ArchiveManifest.CurrentFormatVersion || manifest.FormatVersion < 1)
        {
            throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The archive has format version {manifest.FormatVersion} (written by GhStats {Shown(manifest.ProductVersion)}); this GhStats restores version {ArchiveManifest.CurrentFormatVersion}. Restore it with that GhStats version or newer."));
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in manifest.Tables)
        {
            if (!ArchiveTables.Order.Contains(table.Name) || table.File != ArchiveTables.FileOf(table.Name))
            {
                throw new ArchiveFormatException($"The manifest lists an unknown table '{Shown(table.Name)}' ({Shown(table.File)}).");
            }

            if (!listed.Add(table.Name) || zip.GetEntry(table.File) is null || table.Rows < 0)
            {
                throw new ArchiveFormatException($"The manifest lists '{table.Name}' twice, with a negative count, or without its entry {table.File}.");
            }
        }

        if (seen.FirstOrDefault(name => name != ArchiveTables.ManifestFile && !manifest.Tables.Any(t => t.File == name)) is { } unlisted)
        {
            throw new ArchiveFormatException($"The archive entry '{unlisted}' is not in the manifest.");
        }

        return manifest;
    }

    /// <summary>Reads one line of at most the limit's characters, or null at the end; the line must end with '\n'.</summary>
    private string? ReadLine(StreamReader text, StringBuilder buffer, string entry, long line)
    {
        buffer.Clear();
        while (true)
        {
            int read;
            try
            {
                // The reader buffers 64 KiB at a time; a character at a time keeps a line within its limit as it grows.
                read = text.Read();
            }
            catch (DecoderFallbackException notUtf8)
            {
                throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry}:{line}: the text is not UTF-8."), notUtf8);
            }
            catch (InvalidDataException broken)
            {
                throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry}:{line}: the entry cannot be unpacked (truncated or damaged): {broken.Message}"), broken);
            }

            if (read < 0)
            {
                return buffer.Length == 0 ? null
                    : throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry}:{line}: the last line has no line end; the entry is cut short."));
            }

            if (read == '\n')
            {
                return buffer.ToString();
            }

            if (buffer.Length >= limits.MaxLineChars)
            {
                throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{entry}:{line}: the line is longer than {limits.MaxLineChars} characters."));
            }

            buffer.Append((char)read);
        }
    }

    private static string Shown(string text) => Import.SourceRows.Shorten(text);
}
