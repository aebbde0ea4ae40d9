using System.Globalization;
using System.IO.Compression;

namespace GhStats.Transfer.Archive;

/// <summary>
/// The hostile-zip rules shared by the restore (<see cref="ArchiveReader"/>) and the unpacking of uploads: entry paths
/// that stay inside the archive, and the size, ratio and count limits of <see cref="ArchiveLimits"/>, judged from the
/// headers first and then metered on the bytes as they really unpack (a header that understates its size cannot
/// unpack more than it declares).
/// </summary>
/// <param name="limits">How large the archive may unpack.</param>
/// <param name="consequence">What a refusal means, ending its message (e.g. "nothing was restored").</param>
internal sealed class ZipMeter(ArchiveLimits limits, string consequence)
{
    private readonly Dictionary<string, long> checkedBytes = new(StringComparer.Ordinal);
    private long totalBytes;

    /// <summary>Why an entry name is refused, or null: a <c>..</c> segment, a leading <c>/</c> or <c>\</c>, a drive, a <c>\</c> or a control character.</summary>
    /// <param name="name">The entry's full name.</param>
    /// <param name="folders">Whether entries may sit in folders (<c>a/b.csv</c>); without, any <c>..</c> is refused (a folder is then refused as an unknown entry).</param>
    public static string? PathProblem(string name, bool folders)
    {
        var leaves = name.Length == 0 || name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal)
            || name.Contains('\\', StringComparison.Ordinal) || name.Any(char.IsControl)
            || (folders ? name.Split('/').Any(segment => segment is ".." or ".") : name.Contains("..", StringComparison.Ordinal));
        return leaves ? "has a path that leaves the archive or is absolute" : null;
    }

    /// <summary>Refuses an archive of more entries than the limit, or an entry whose header already declares too much.</summary>
    /// <param name="zip">The archive.</param>
    /// <exception cref="ArchiveFormatException">When the archive is refused.</exception>
    public void CheckHeaders(ZipArchive zip)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"The archive holds {entries.Count} entries; at most {limits.MaxEntries} are read; {consequence}."));
        }

        var declared = entries.Sum(e => e.Length);
        foreach (var entry in entries)
        {
            if (SizeProblem(entry, entry.Length, declared) is { } problem)
            {
                throw new ArchiveFormatException($"{Shown(entry.FullName)} {problem}; {consequence}.");
            }
        }
    }

    /// <summary>Opens an entry through a meter that stops it past what its header declares or past the limits.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The metered stream (it hashes too).</returns>
    /// <exception cref="ArchiveFormatException">When the entry cannot be unpacked.</exception>
    public MeteredStream Open(ZipArchiveEntry entry)
    {
        Stream opened;
        try
        {
            opened = entry.Open();
        }
        catch (InvalidDataException broken)
        {
            throw new ArchiveFormatException($"{Shown(entry.FullName)} cannot be unpacked: {broken.Message}", broken);
        }

        return new MeteredStream(opened, bytes => Check(entry, bytes));
    }

    /// <summary>Stops an entry that unpacks past what its header declares, its own limit, the archive's, or the ratio a zip bomb has.</summary>
    private void Check(ZipArchiveEntry entry, long bytes)
    {
        totalBytes += bytes - checkedBytes.GetValueOrDefault(entry.FullName);
        checkedBytes[entry.FullName] = bytes;
        var problem = bytes > entry.Length
            ? string.Create(CultureInfo.InvariantCulture, $"unpacks past the {entry.Length} bytes its header declares")
            : SizeProblem(entry, bytes, totalBytes);
        if (problem is not null)
        {
            throw new ArchiveFormatException($"{Shown(entry.FullName)} {problem}; {consequence}.");
        }
    }

    /// <summary>Why an entry of so many unpacked bytes (in an archive of so many) is refused, or null.</summary>
    private string? SizeProblem(ZipArchiveEntry entry, long bytes, long total) =>
        bytes > limits.MaxEntryBytes ? string.Create(CultureInfo.InvariantCulture, $"unpacks past {limits.MaxEntryBytes} bytes")
        : total > limits.MaxTotalBytes ? string.Create(CultureInfo.InvariantCulture, $"brings the archive past {limits.MaxTotalBytes} unpacked bytes")
        : bytes > limits.RatioFloorBytes && bytes > Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio
            ? string.Create(CultureInfo.InvariantCulture, $"unpacks more than {limits.MaxCompressionRatio} times its {entry.CompressedLength} packed bytes (a zip bomb?)")
        : null;

    private static string Shown(string text) => Import.SourceRows.Shorten(text);
}
