using System.Globalization;
using System.IO.Compression;
using System.Text;
using GhStats.Transfer.Archive;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// Unpacks an uploaded zip of a source's files into a job's folder by the archive's hostile-zip rules
/// (<see cref="ZipMeter"/>): folders are allowed, but no entry leaves the folder, none is written twice, and the
/// entries' count, sizes and packing ratio stay within <see cref="ArchiveLimits"/> as they really unpack.
/// </summary>
internal static class UploadUnpacker
{
    private const string NothingImported = "nothing was imported";

    /// <summary>Unpacks <paramref name="zipPath"/> into the empty folder <paramref name="into"/>.</summary>
    /// <param name="zipPath">The uploaded zip.</param>
    /// <param name="into">The folder the files go to.</param>
    /// <param name="limits">How large the zip may unpack and how many entries it may hold.</param>
    /// <param name="cancellationToken">Stops between entries.</param>
    /// <returns>How many files were written.</returns>
    /// <exception cref="ArchiveFormatException">When the zip is not whole or breaks a rule; what was unpacked stays in <paramref name="into"/> for the caller to delete.</exception>
    public static int Unpack(string zipPath, string into, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(into)) + Path.DirectorySeparatorChar;
        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true, ArchiveReader.StrictUtf8);
        }
        catch (Exception broken) when (broken is InvalidDataException or DecoderFallbackException)
        {
            throw new ArchiveFormatException($"The upload is not a zip archive, or it is truncated: {broken.Message}", broken);
        }

        using (zip)
        {
            var meter = new ZipMeter(limits, NothingImported);
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                entries = zip.Entries;
                meter.CheckHeaders(zip);
            }
            catch (Exception broken) when (broken is InvalidDataException or DecoderFallbackException)
            {
                throw new ArchiveFormatException($"The zip's directory cannot be read: {broken.Message}", broken);
            }

            // Ordinal: github-repo-stats' Octo/App beside octo/app are two folders; a file system that folds case refuses the second file below.
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = entry.FullName;
                var target = Path.GetFullPath(Path.Combine(root, name));
                if (ZipMeter.PathProblem(name, folders: true) is not null || !target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new ArchiveFormatException($"The zip entry '{Shown(name)}' has a path that leaves the archive or is absolute; {NothingImported}.");
                }

                if (!written.Add(target.TrimEnd(Path.DirectorySeparatorChar)) && !name.EndsWith('/'))
                {
                    throw new ArchiveFormatException($"The zip holds '{Shown(name)}' twice; {NothingImported}.");
                }

                try
                {
                    if (name.EndsWith('/'))
                    {
                        Directory.CreateDirectory(target);
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    using var unpacked = meter.Open(entry);
                    using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
                    unpacked.CopyTo(output);
                    if (unpacked.Bytes != entry.Length)
                    {
                        throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture,
                            $"The zip entry '{Shown(name)}' unpacks {unpacked.Bytes} of the {entry.Length} bytes its header declares: it is cut short; {NothingImported}."));
                    }
                }
                catch (IOException clash)
                {
                    // A file where a folder is (or the other way round), or one name twice on a file system that folds case.
                    throw new ArchiveFormatException($"The zip entry '{Shown(name)}' clashes with another entry of the same name; {NothingImported}.", clash);
                }
                catch (InvalidDataException broken)
                {
                    throw new ArchiveFormatException($"The zip entry '{Shown(name)}' cannot be unpacked (truncated or damaged): {broken.Message}", broken);
                }
            }

            return written.Count(path => File.Exists(path));
        }
    }

    private static string Shown(string text) => Import.SourceRows.Shorten(text);
}
