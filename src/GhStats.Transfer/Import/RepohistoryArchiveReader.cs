using System.Globalization;
using System.IO.Compression;
using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>
/// repohistory's CSV export, one archive per repository as its <c>/api/export/{repoId}?format=csv</c> route builds it:
/// <c>&lt;owner&gt;-&lt;repo&gt;-data-csv.zip</c> (the full name with its slash made a hyphen) holding <c>views.csv</c>
/// (<c>Date,Total Views,Unique Views</c>) and <c>clones.csv</c> (<c>Date,Total Clones,Unique Clones</c>), days as
/// <c>yyyy-MM-dd</c> (UTC) from the first day it stored to the day before the export, lines joined by "\n", and
/// <c>referrers.csv</c> and <c>popular-content.csv</c>. The path is one archive or a directory of them.
/// What comes across: the days with views or clones, as lower bounds (partial). The export writes 0 for every day it
/// holds nothing for, and its daily collection overwrites a day with each read, so no row proves a whole day or a zero:
/// rows without views and clones are left out. The referrer and path files hold only each item's views (not its unique
/// visitors, which a snapshot needs), only the items of the export's first day, with 0 where an item was not captured
/// and paths cut of their <c>/owner/repo</c> start: they are not imported.
/// </summary>
internal sealed class RepohistoryArchiveReader(ImportRequest request, DateOnly today) : IImportReader
{
    private const string NameSuffix = "-data-csv";

    /// <summary>Years of days are well under a megabyte; an entry that unpacks past this is not repohistory's.</summary>
    private const long MaxEntryBytes = 64L * 1024 * 1024;

    private static readonly string[] ViewColumns = ["Date", "Total Views", "Unique Views"];
    private static readonly string[] CloneColumns = ["Date", "Total Clones", "Unique Clones"];
    private static readonly string[] SnapshotFiles = ["referrers.csv", "popular-content.csv"];

    private List<List<string>> groups = [];

    public ImportScan Scan(CancellationToken cancellationToken)
    {
        var archives = FindArchives();
        var notes = new List<string>();
        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var leftOut = 0;
        var snapshotsLeft = 0;
        foreach (var archive in archives)
        {
            // One repository exported twice (or saved as "x (1).zip") becomes one, merged by the maximum.
            var (repository, zeros, others) = Read(archive, cancellationToken);
            leftOut += zeros;
            snapshotsLeft += others.Count(SnapshotFiles.Contains);
            var name = repository.NameProblem is null ? repository.FullName : archive;
            (byName.TryGetValue(name, out var same) ? same : byName[name] = []).Add(archive);
            var foreign = others.Where(o => !SnapshotFiles.Contains(o)).Select(SourceRows.Shorten).ToList();
            if (foreign.Count > 0)
            {
                notes.Add($"{Path.GetFileName(archive)}: not repohistory's, not read: {string.Join(", ", foreign)}.");
            }
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{archives.Count} repohistory archives read."));
        if (leftOut > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{leftOut} days without views or clones left out: repohistory's export writes 0 for every day it holds nothing for, not as zeros."));
        }

        if (snapshotsLeft > 0)
        {
            notes.Add("referrers.csv and popular-content.csv are not imported: they hold each referrer's and path's views without its unique visitors, only the items of the export's first day, and 0 where an item was not captured.");
        }

        groups = byName.Values.ToList();
        return new ImportScan([], [], notes, groups.Count);
    }

    public IEnumerable<SourceRepository> Repositories(CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            var merged = Read(group[0], cancellationToken).Repository;
            foreach (var other in group.Skip(1).Select(archive => Read(archive, cancellationToken).Repository))
            {
                merged.Keys.AddRange(other.Keys);
                merged.Days.AddRange(other.Days);
                merged.Rejections.AddRange(other.Rejections);
            }

            yield return merged;
        }
    }

    private List<string> FindArchives()
    {
        if (File.Exists(request.Path))
        {
            return [Path.GetFullPath(request.Path)];
        }

        if (!Directory.Exists(request.Path))
        {
            throw new FileNotFoundException($"No file or directory '{request.Path}': give a repohistory export (<owner>-<repo>-data-csv.zip) or a directory of them.", request.Path);
        }

        var archives = Directory.EnumerateFiles(request.Path, "*.zip").Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        return archives.Count > 0
            ? archives
            : throw new ImportFormatException($"{request.Path} holds no .zip archive (repohistory exports <owner>-<repo>-data-csv.zip).");
    }

    private (SourceRepository Repository, int LeftOut, List<string> Others) Read(string archive, CancellationToken cancellationToken)
    {
        var key = Path.GetFileName(archive);
        var repository = new SourceRepository();
        repository.Keys.Add(key);
        var views = new Dictionary<DateOnly, SourceDay>();
        var clones = new Dictionary<DateOnly, SourceDay>();
        var rejectedDays = new HashSet<DateOnly>();
        var others = new List<string>();
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            foreach (var entry in zip.Entries)
            {
                switch (entry.FullName)
                {
                    case "views.csv":
                        ReadSeries(key, entry, ViewColumns, clonesFile: false, repository, views, rejectedDays, cancellationToken);
                        break;
                    case "clones.csv":
                        ReadSeries(key, entry, CloneColumns, clonesFile: true, repository, clones, rejectedDays, cancellationToken);
                        break;
                    default:
                        others.Add(entry.FullName);
                        break;
                }
            }
        }
        catch (InvalidDataException damaged)
        {
            throw new ImportFormatException($"{key}: not a whole zip archive ({damaged.Message}).", damaged);
        }

        var leftOut = 0;
        foreach (var day in views.Keys.Union(clones.Keys).Where(d => !rejectedDays.Contains(d)).Order())
        {
            var read = views.GetValueOrDefault(day, new SourceDay(day, 0, 0, 0, 0, DayCoverage.Partial)).Max(clones.GetValueOrDefault(day, new SourceDay(day, 0, 0, 0, 0, DayCoverage.Partial)));
            if (read.Views > 0 || read.Clones > 0)
            {
                repository.Days.Add(read);
            }
            else
            {
                leftOut++;
            }
        }

        NameRepository(repository, key);
        return (repository, leftOut, others);
    }

    private void ReadSeries(string archive, ZipArchiveEntry entry, string[] header, bool clonesFile, SourceRepository repository, Dictionary<DateOnly, SourceDay> into, HashSet<DateOnly> rejectedDays, CancellationToken cancellationToken)
    {
        var file = $"{archive}/{entry.FullName}";
        if (entry.Length > MaxEntryBytes)
        {
            throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture, $"{file}: unpacks to {entry.Length} bytes; no repohistory export is that large."));
        }

        using var reader = DelimitedReader.Open(entry.Open(), file);
        var first = true;
        foreach (var record in reader.Records(cancellationToken))
        {
            if (first)
            {
                first = false;
                if (!record.Fields.SequenceEqual(header))
                {
                    throw new ImportFormatException($"{record.Where(file)}: repohistory writes the header {string.Join(",", header)}.");
                }

                continue;
            }

            if (record.Fields.Count != header.Length)
            {
                throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture, $"{record.Where(file)}: {record.Fields.Count} fields where the header has {header.Length}; is the file whole?"));
            }

            string? problem = null;
            if (!DateOnly.TryParseExact(record.Fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problem = $"bad date '{SourceRows.Shorten(record.Fields[0] ?? "")}'";
            }
            else if (!SourceRows.TryCount(record.Fields[1], out var total) || !SourceRows.TryCount(record.Fields[2], out var unique))
            {
                problem = $"bad count on {day:yyyy-MM-dd}";
            }
            else
            {
                var read = clonesFile ? new SourceDay(day, 0, 0, total, unique, DayCoverage.Partial) : new SourceDay(day, total, unique, 0, 0, DayCoverage.Partial);
                problem = SourceRows.Problem(read, today);
                if (problem is null)
                {
                    into[day] = into.TryGetValue(day, out var held) ? held.Max(read) : read;
                    continue;
                }
            }

            // A day with a bad row in either file is left out whole: never half a day, never a zero.
            if (day != default)
            {
                rejectedDays.Add(day);
            }

            repository.Rejections.Add(new ImportRejection(record.Where(file), problem));
        }
    }

    /// <summary>The name is in the archive's file name only, its slash made a hyphen: read where just one split is valid.</summary>
    private void NameRepository(SourceRepository repository, string key)
    {
        if (request.RepositoryNames.TryGetValue(key, out var given))
        {
            SourceRows.NameGiven(repository, given);
            return;
        }

        var stem = Path.GetFileNameWithoutExtension(key);

        // A browser saving the same download again adds " (1)".
        var copy = stem.LastIndexOf(" (", StringComparison.Ordinal);
        if (copy > 0 && stem.EndsWith(')'))
        {
            stem = stem[..copy];
        }

        var candidates = !stem.EndsWith(NameSuffix, StringComparison.Ordinal) ? [] : Enumerable.Range(0, stem.Length - NameSuffix.Length)
            .Where(i => stem[i] == '-')
            .Select(i => (Owner: stem[..i], Name: stem[(i + 1)..^NameSuffix.Length]))
            .Where(c => GitHubNames.IsValidOwner(c.Owner) && GitHubNames.IsValidRepositoryName(c.Name))
            .ToList();
        if (candidates.Count == 1)
        {
            SourceRows.Name(repository, candidates[0].Owner, candidates[0].Name, "the archive's name");
        }
        else if (candidates.Count > 1)
        {
            repository.NameProblem = $"the archive's name reads as {string.Join(" or ", candidates.Select(c => $"{c.Owner}/{c.Name}"))}; {SourceRows.GiveName(key)}";
        }
        else
        {
            SourceRows.Name(repository, null, null, "the archive's name");
        }
    }
}
