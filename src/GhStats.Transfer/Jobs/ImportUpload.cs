using System.IO.Compression;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// What an import reads from its upload. The source's own file (<c>repostats.csv</c>, <c>ghstats.db</c>, a repohistory
/// <c>*-data-csv.zip</c>) is read as it is, under a name the job chooses (repohistory's keeps the client's last segment,
/// made safe: its name is the repository's); a zip of the source's files or folder is unpacked by the hostile-zip rules
/// into the job's folder, and the import reads the folder (or the one file in it the source needs).
/// </summary>
/// <param name="Source">The source.</param>
/// <param name="Upload">The stored upload.</param>
/// <param name="Unpack">Whether the upload is a zip to unpack in the job.</param>
/// <param name="ReadyPath">What the reader reads, when nothing is to be unpacked.</param>
internal sealed record ImportUpload(ImportSource Source, UploadFile Upload, bool Unpack, string? ReadyPath)
{
    /// <summary>
    /// The folder a zip unpacks to, in the job's folder: names no GitHub owner or repository has, so a reader never takes
    /// them for one (a zip of a lone ghrs-data folder is known as <c>(zip)/(upload)</c>).
    /// </summary>
    public static readonly string UnpackedFolder = Path.Combine("(zip)", "(upload)");

    /// <summary>Checks, at once, that the upload is something the source reads, and names the source's own file.</summary>
    /// <param name="source">The source.</param>
    /// <param name="upload">The stored upload, alone in its job's folder.</param>
    /// <param name="clientFileName">The file name the client gave.</param>
    /// <returns>What the job does with it.</returns>
    /// <exception cref="TransferRequestException">When the upload cannot be what the source reads.</exception>
    public static ImportUpload Plan(ImportSource source, UploadFile upload, string clientFileName)
    {
        var folder = Path.GetDirectoryName(upload.Path)!;
        var zip = upload.IsZip();
        switch (source)
        {
            case ImportSource.IbmDb2Export when !zip:
                throw new TransferRequestException("Upload a zip of the folder the Db2 EXPORT ... OF DEL files were written to (REPOTRAFFIC.del, REPOS.del, GHORGUSERS.del, ...).");
            case ImportSource.GitHubRepoStats when !zip:
                throw new TransferRequestException("Upload a zip of github-repo-stats' data: its data branch checkout, an <owner>/<repo> folder of it, or its ghrs-data folder.");
            case ImportSource.RepohistoryCsv when !zip:
                throw new TransferRequestException("Upload repohistory's export (<owner>-<repo>-data-csv.zip) or a zip of several of them.");
            case ImportSource.GhstatsSqlite when !zip && !upload.IsSqlite():
                throw new TransferRequestException("Upload ghstats' database file (ghstats.db), or a zip of ghstats.db with its ghstats.db-wal; this file is not a SQLite database.");
            case ImportSource.GhstatsSqlite when !zip:
                return Ready(source, upload, Path.Combine(folder, "ghstats.db"));
            case ImportSource.IbmRepostatsCsv when !zip:
                return Ready(source, upload, Path.Combine(folder, "repostats.csv"));
            case ImportSource.RepohistoryCsv when !HoldsZips(upload.Path):
                // Its own export: the reader takes the repository's name from the file name.
                var name = UploadFile.SafeName(clientFileName, "export-data-csv.zip");
                return Ready(source, upload, Path.Combine(folder, name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? name : name + ".zip"));
            default:
                return new ImportUpload(source, upload, Unpack: true, ReadyPath: null);
        }
    }

    /// <summary>Unpacks the upload if it is a zip of the source's files, and finds what the reader reads.</summary>
    /// <param name="limits">How large the zip may unpack.</param>
    /// <param name="cancellationToken">Stops the unpacking.</param>
    /// <returns>The file or folder for <see cref="ImportRequest.Path"/>.</returns>
    /// <exception cref="ArchiveFormatException">When the zip is hostile or broken.</exception>
    /// <exception cref="ImportFormatException">When the zip does not hold what the source needs.</exception>
    public string Resolve(ArchiveLimits limits, CancellationToken cancellationToken)
    {
        if (!Unpack)
        {
            return ReadyPath!;
        }

        var root = Path.Combine(Path.GetDirectoryName(Upload.Path)!, UnpackedFolder);
        Directory.CreateDirectory(root);
        UploadUnpacker.Unpack(Upload.Path, root, limits, cancellationToken);
        File.Delete(Upload.Path);
        return Source switch
        {
            ImportSource.IbmDb2Export => FolderOf(root, f => Path.GetFileNameWithoutExtension(f).Equals("repotraffic", StringComparison.OrdinalIgnoreCase)
                    && Path.GetExtension(f).ToUpperInvariant() is ".DEL" or ".CSV", "REPOTRAFFIC.del (export it with EXPORT TO repotraffic.del OF DEL SELECT * FROM repotraffic)"),
            ImportSource.IbmRepostatsCsv => OneFile(root, f => Path.GetFileName(f).Equals("repostats.csv", StringComparison.OrdinalIgnoreCase), "repostats.csv"),
            ImportSource.GhstatsSqlite => OneFile(root, IsDatabase, "ghstats.db"),
            ImportSource.RepohistoryCsv => FolderOf(root, f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase), "repohistory export (<owner>-<repo>-data-csv.zip)"),
            _ => RepoStatsFolder(root),
        };
    }

    private static ImportUpload Ready(ImportSource source, UploadFile upload, string path)
    {
        File.Move(upload.Path, path);
        return new ImportUpload(source, upload with { Path = path }, Unpack: false, ReadyPath: path);
    }

    /// <summary>Whether a zip holds other zips (several repohistory exports) rather than one export's CSV files.</summary>
    private static bool HoldsZips(string path)
    {
        try
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Read, ArchiveReader.StrictUtf8);
            return zip.Entries.Any(e => e.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception broken) when (broken is InvalidDataException or System.Text.DecoderFallbackException)
        {
            // Read as the source's own file, the reader says what is wrong with it.
            return false;
        }
    }

    private static bool IsDatabase(string file) =>
        !file.EndsWith("-wal", StringComparison.OrdinalIgnoreCase) && !file.EndsWith("-shm", StringComparison.OrdinalIgnoreCase)
        && !file.EndsWith("-journal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder that holds the files the source needs; they must all be in one.</summary>
    private static string FolderOf(string root, Func<string, bool> needed, string what)
    {
        var folders = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(needed).Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).ToList();
        return folders.Count switch
        {
            1 => folders[0]!,
            0 => throw new ImportFormatException($"The zip holds no {what}."),
            _ => throw new ImportFormatException($"The zip holds {what} files in {folders.Count} folders; zip one folder of them."),
        };
    }

    /// <summary>The one file the source needs.</summary>
    private static string OneFile(string root, Func<string, bool> needed, string what)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(needed).ToList();
        if (files.Count > 1 && files.Where(f => Path.GetFileName(f).Equals(what, StringComparison.OrdinalIgnoreCase)).ToList() is [var named])
        {
            return named;
        }

        return files.Count switch
        {
            1 => files[0],
            0 => throw new ImportFormatException($"The zip holds no {what}."),
            _ => throw new ImportFormatException($"The zip holds {files.Count} files that could be the {what}; zip only the one to import."),
        };
    }

    /// <summary>
    /// github-repo-stats' folder to read: its one <c>ghrs-data</c> folder (named by the folders above it), or the checkout
    /// that holds every <c>&lt;owner&gt;/&lt;repo&gt;/ghrs-data</c>.
    /// </summary>
    private static string RepoStatsFolder(string root)
    {
        var data = Directory.EnumerateDirectories(root, "ghrs-data", SearchOption.AllDirectories).ToList();
        if (data.Count == 1)
        {
            return data[0];
        }

        var checkouts = data.Select(d => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(d)))).Distinct(StringComparer.Ordinal).ToList();
        return checkouts switch
        {
            [] => throw new ImportFormatException("The zip holds no ghrs-data folder: zip the action's data branch checkout, an <owner>/<repo> folder of it, or its ghrs-data folder."),
            [var checkout] => checkout!,
            _ => throw new ImportFormatException("The zip holds ghrs-data folders at different depths: zip the data branch's checkout, where each is <owner>/<repo>/ghrs-data."),
        };
    }
}
