using System.Globalization;
using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>
/// The data directory jgehrcke/github-repo-stats commits: <c>&lt;owner&gt;/&lt;repo&gt;/ghrs-data/</c> with
/// <c>views_clones_aggregate.csv</c> (<c>time_iso8601,clones_total,clones_unique,views_total,views_unique</c>, days as
/// <c>2020-12-01 00:00:00+00:00</c>) and <c>snapshots/</c> holding, per run at UTC time <c>yyyy-MM-dd_HHmmss</c>,
/// <c>_top_referrers_snapshot.csv</c> (<c>referrer,views_total,views_unique</c>), <c>_top_paths_snapshot.csv</c>
/// (<c>url_path,views_total,views_unique</c>) and, until its analysis folds them into the aggregate,
/// <c>_views_clones_series_fragment.csv</c> (empty cells and floats where views and clones differ in days: zeros).
/// A run writes its files only after all four traffic reads succeeded, so each run's time proves GitHub's 14-day window
/// before it: edges partial, days inside complete, days the data lacks zero. Aggregate days outside every proven window
/// are lower bounds (partial).
/// </summary>
internal sealed class RepoStatsDataReader(ImportRequest request, DateOnly today) : IImportReader
{
    private const string DataDirectory = "ghrs-data";
    private const string Aggregate = "views_clones_aggregate.csv";
    private const string FragmentSuffix = "_views_clones_series_fragment.csv";
    private const string ReferrersSuffix = "_top_referrers_snapshot.csv";
    private const string PathsSuffix = "_top_paths_snapshot.csv";
    private static readonly string[] TrafficColumns = ["time_iso8601", "clones_total", "clones_unique", "views_total", "views_unique"];

    private List<List<string>> groups = [];

    public ImportScan Scan(CancellationToken cancellationToken)
    {
        var directories = FindDataDirectories();
        var notes = new List<string>();
        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in directories)
        {
            // One repository the action ran under two spellings (octo/app, Octo/App) becomes one, merged by the maximum.
            var repository = Read(directory, cancellationToken);
            var name = repository.NameProblem is null ? repository.FullName : directory;
            (byName.TryGetValue(name, out var same) ? same : byName[name] = []).Add(directory);
            var others = Directory.EnumerateFiles(directory).Select(Path.GetFileName).Where(f => f is not Aggregate).Order(StringComparer.Ordinal).ToList();
            if (others.Count > 0)
            {
                notes.Add($"{Key(directory)}: not traffic, not imported: {string.Join(", ", others)}.");
            }
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{directories.Count} github-repo-stats data directories read."));
        groups = byName.Values.ToList();
        return new ImportScan([], [], notes, groups.Count);
    }

    public IEnumerable<SourceRepository> Repositories(CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            var merged = Read(group[0], cancellationToken);
            foreach (var other in group.Skip(1).Select(directory => Read(directory, cancellationToken)))
            {
                merged.Keys.AddRange(other.Keys);
                merged.Days.AddRange(other.Days);
                merged.Referrers.AddRange(other.Referrers);
                merged.Paths.AddRange(other.Paths);
                merged.Rejections.AddRange(other.Rejections);
            }

            yield return merged;
        }
    }

    private List<string> FindDataDirectories()
    {
        var root = Path.GetFullPath(request.Path);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No directory '{request.Path}': give the github-repo-stats data branch's checkout, an <owner>/<repo> directory in it, or its ghrs-data directory.");
        }

        List<string> found = Path.GetFileName(root) == DataDirectory ? [root]
            : Directory.Exists(Path.Combine(root, DataDirectory)) ? [Path.Combine(root, DataDirectory)]
            : Directory.EnumerateDirectories(root).SelectMany(Directory.EnumerateDirectories)
                .Select(d => Path.Combine(d, DataDirectory)).Where(Directory.Exists).Order(StringComparer.Ordinal).ToList();
        return found.Count > 0
            ? found
            : throw new ImportFormatException($"{request.Path} holds no {DataDirectory} directory (the action writes <owner>/<repo>/{DataDirectory}/ on its data branch).");
    }

    /// <summary>The directory above ghrs-data, as "owner/repo" when the layout is the action's.</summary>
    private static string Key(string dataDirectory)
    {
        var repo = Path.GetDirectoryName(dataDirectory)!;
        return $"{Path.GetFileName(Path.GetDirectoryName(repo))}/{Path.GetFileName(repo)}";
    }

    private SourceRepository Read(string directory, CancellationToken cancellationToken)
    {
        var repository = new SourceRepository();
        var key = Key(directory);
        repository.Keys.Add(key);
        var rows = new List<SourceDay>();
        var rejectedDays = new HashSet<DateOnly>();
        var aggregate = Path.Combine(directory, Aggregate);
        if (File.Exists(aggregate))
        {
            ReadTraffic(aggregate, repository, rows, rejectedDays, cancellationToken);
        }

        var runs = new List<DateTime>();
        var snapshots = Path.Combine(directory, "snapshots");
        var files = Directory.Exists(snapshots) ? Directory.EnumerateFiles(snapshots).Order(StringComparer.Ordinal).ToList() : [];
        var referrerFiles = new Dictionary<DateOnly, (DateTime Time, string File)>();
        var pathFiles = new Dictionary<DateOnly, (DateTime Time, string File)>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var suffix = new[] { FragmentSuffix, ReferrersSuffix, PathsSuffix }.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
            if (suffix is null)
            {
                continue;
            }

            if (!DateTime.TryParseExact(name[..^suffix.Length], "yyyy-MM-dd_HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                repository.Rejections.Add(new ImportRejection(name, "file name without the run's time (yyyy-MM-dd_HHmmss); its rows are left out"));
                continue;
            }

            runs.Add(time);
            var day = DateOnly.FromDateTime(time);
            if (suffix == FragmentSuffix)
            {
                ReadTraffic(file, repository, rows, rejectedDays, cancellationToken, time);
            }
            else
            {
                // Two runs on one day: the later capture stands, as GhStats keeps a day's last capture.
                var byDay = suffix == ReferrersSuffix ? referrerFiles : pathFiles;
                if (!byDay.TryGetValue(day, out var held) || held.Time < time)
                {
                    byDay[day] = (time, file);
                }
            }
        }

        foreach (var (day, (_, file)) in referrerFiles.OrderBy(p => p.Key))
        {
            ReadSnapshot(file, day, "referrer", repository, repository.Referrers, cancellationToken);
        }

        foreach (var (day, (_, file)) in pathFiles.OrderBy(p => p.Key))
        {
            ReadSnapshot(file, day, "url_path", repository, repository.Paths, cancellationToken);
        }

        var proven = ProvenReads.Coverage(runs.Select(DateOnly.FromDateTime), CollectionHorizon.GitHubWindowDays);
        repository.Days.AddRange(ProvenReads.Cover(rows, proven, rejectedDays, _ => true).Where(d => d.Day >= SourceRows.EarliestDay && d.Day <= today));
        NameRepository(repository, key);
        return repository;
    }

    private void NameRepository(SourceRepository repository, string key)
    {
        if (request.RepositoryNames.TryGetValue(key, out var given))
        {
            SourceRows.NameGiven(repository, given);
            return;
        }

        var parts = key.Split('/');
        if (GitHubNames.IsValidOwner(parts[0]) && GitHubNames.IsValidRepositoryName(parts[1]))
        {
            SourceRows.Name(repository, parts[0], parts[1], "the data directory");
            return;
        }

        // The action's paths start with /owner/repo: where the directory was renamed, they still name it.
        var fromPaths = repository.Paths.Select(p => p.Key.Split('/', StringSplitOptions.RemoveEmptyEntries)).FirstOrDefault(s => s.Length >= 2);
        SourceRows.Name(repository, fromPaths?[0], fromPaths?[1], "the popular paths");
    }

    private void ReadTraffic(string file, SourceRepository repository, List<SourceDay> rows, HashSet<DateOnly> rejectedDays, CancellationToken cancellationToken, DateTime? runTime = null)
    {
        var name = Path.GetFileName(file);
        using var reader = DelimitedReader.Open(file);
        int[]? columns = null;
        foreach (var record in reader.Records(cancellationToken))
        {
            if (columns is null)
            {
                columns = TrafficColumns.Select(c => IndexOf(record, c)).ToArray();
                if (columns.Any(c => c < 0))
                {
                    throw new ImportFormatException($"{record.Where(name)}: the header lacks {string.Join(", ", TrafficColumns.Where((_, i) => columns[i] < 0))}; github-repo-stats writes {string.Join(",", TrafficColumns)}.");
                }

                continue;
            }

            Expect(record, name, columns.Max() + 1);
            var problem = DayProblem(record.Fields[columns[0]], runTime, out var day);
            var counts = new int[4];
            for (var i = 0; problem is null && i < 4; i++)
            {
                // Where the views and clones reads differ in days, pandas leaves the other's cells empty: GitHub's zeros.
                var cell = record.Fields[columns[i + 1]];
                if (!string.IsNullOrEmpty(cell) && !SourceRows.TryCount(cell, out counts[i]))
                {
                    problem = $"bad count '{SourceRows.Shorten(cell)}'";
                }
            }

            // The file's columns are clones first, then views.
            var source = new SourceDay(day, counts[2], counts[3], counts[0], counts[1], DayCoverage.Partial);
            problem ??= SourceRows.Problem(source, today);
            if (problem is null)
            {
                rows.Add(source);
            }
            else
            {
                rejectedDays.Add(day);
                repository.Rejections.Add(new ImportRejection(record.Where(name), problem));
            }
        }
    }

    private void ReadSnapshot(string file, DateOnly day, string keyColumn, SourceRepository repository, List<SourceSnapshot> into, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        var isPath = keyColumn == "url_path";
        using var reader = DelimitedReader.Open(file);
        int[]? columns = null;
        foreach (var record in reader.Records(cancellationToken))
        {
            if (columns is null)
            {
                columns = [IndexOf(record, keyColumn), IndexOf(record, "views_total"), IndexOf(record, "views_unique")];
                if (columns.Any(c => c < 0))
                {
                    throw new ImportFormatException($"{record.Where(name)}: github-repo-stats writes the header {keyColumn},views_total,views_unique.");
                }

                continue;
            }

            Expect(record, name, columns.Max() + 1);
            string? problem = null;
            if (!SourceRows.TryCount(record.Fields[columns[1]], out var views) || !SourceRows.TryCount(record.Fields[columns[2]], out var unique))
            {
                problem = "bad count";
                unique = 0;
            }

            var snapshot = new SourceSnapshot(day, (record.Fields[columns[0]] ?? "").TrimEnd(), "", views, unique);
            problem ??= SourceRows.Problem(snapshot, isPath, today);
            if (problem is null)
            {
                into.Add(snapshot);
            }
            else
            {
                repository.Rejections.Add(new ImportRejection(record.Where(name), problem));
            }
        }
    }

    /// <summary>Reads pandas' UTC day stamp; a day after its run's time is impossible (analyze.py refuses it too).</summary>
    private static string? DayProblem(string? text, DateTime? runTime, out DateOnly day)
    {
        day = default;
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            || time.Offset != TimeSpan.Zero || time.TimeOfDay != TimeSpan.Zero)
        {
            return $"bad date '{SourceRows.Shorten(text ?? "")}' (not a UTC day)";
        }

        day = DateOnly.FromDateTime(time.UtcDateTime);
        return runTime is { } run && time.UtcDateTime > run ? $"bad date {day:yyyy-MM-dd}: after its run at {run:yyyy-MM-dd HH:mm:ss}" : null;
    }

    private static int IndexOf(DelimitedRecord header, string column) =>
        header.Fields.ToList().FindIndex(f => string.Equals(f, column, StringComparison.Ordinal));

    private static void Expect(DelimitedRecord record, string file, int fields)
    {
        if (record.Fields.Count < fields)
        {
            throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture, $"{record.Where(file)}: {record.Fields.Count} fields where the header has {fields}; is the file whole?"));
        }
    }
}
