using System.Globalization;
using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>
/// What both IBM github-traffic-stats sources share: daily rows keyed by the app's repository id (RID), names from its
/// REPOS and GHORGUSERS tables, and its quirks. The app adds a repository without checking whether it exists, so one
/// repository can have two ids or spellings: they merge by the maximum. Its MERGE keeps the uniques of whichever read
/// had more views and never re-reads a day, and it inserts a row's other half as 0: every row is a lower bound of a
/// day GitHub served (partial), and days without a row were not collected.
/// </summary>
internal abstract class IbmReader(ImportRequest request, DateOnly today) : IImportReader
{
    private const int RejectionsListedPerRepository = 200;

    private Dictionary<long, int> rowsPerId = [];
    private List<List<SourceRepository>> batches = [];

    protected ImportRequest Request { get; } = request;

    protected DateOnly Today { get; } = today;

    /// <summary>The file of daily rows.</summary>
    protected abstract string TrafficPath { get; }

    public ImportScan Scan(CancellationToken cancellationToken)
    {
        var names = ReadNames(cancellationToken, out var users, out var notes);
        rowsPerId = [];
        var rejections = new List<ImportRejection>();
        foreach (var (_, id) in TrafficRows(null, cancellationToken))
        {
            rowsPerId[id] = rowsPerId.GetValueOrDefault(id) + 1;
        }

        // One GitHub repository under two ids or spellings becomes one repository: grouped by its name, any case.
        var groups = new Dictionary<string, SourceRepository>(StringComparer.OrdinalIgnoreCase);
        var groupOf = new Dictionary<long, SourceRepository>();
        foreach (var id in rowsPerId.Keys.Order())
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            var candidate = new SourceRepository();
            candidate.Keys.Add(key);
            if (Request.RepositoryNames.TryGetValue(key, out var given))
            {
                SourceRows.NameGiven(candidate, given);
            }
            else
            {
                var known = names.GetValueOrDefault(id);
                SourceRows.Name(candidate, known?.Owner, known?.Name, known?.Origin ?? TrafficFileName);
            }

            var group = candidate.NameProblem is null ? candidate.FullName : $"id {key}";
            if (groups.TryGetValue(group, out var existing))
            {
                existing.Keys.Add(key);
            }
            else
            {
                groups[group] = candidate;
            }

            groupOf[id] = groups[group];
        }

        // Passes over the daily rows hold a bounded number of days, so memory stays flat whatever the export's size.
        batches = [];
        var batch = new List<SourceRepository>();
        var held = 0;
        foreach (var repository in groups.Values)
        {
            var rows = repository.Keys.Sum(k => rowsPerId[long.Parse(k, CultureInfo.InvariantCulture)]);
            if (batch.Count > 0 && held + rows > Request.DaysPerPass)
            {
                batches.Add(batch);
                batch = [];
                held = 0;
            }

            batch.Add(repository);
            held += rows;
        }

        if (batch.Count > 0)
        {
            batches.Add(batch);
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{TrafficFileName}: {rowsPerId.Values.Sum()} daily rows of {rowsPerId.Count} repository ids, read as partial days (lower bounds)."));
        return new ImportScan(users, rejections, notes, groups.Count);
    }

    public IEnumerable<SourceRepository> Repositories(CancellationToken cancellationToken)
    {
        foreach (var batch in batches)
        {
            var byId = batch.SelectMany(r => r.Keys.Select(k => (Id: long.Parse(k, CultureInfo.InvariantCulture), Repository: r))).ToDictionary(p => p.Id, p => p.Repository);
            var rejected = new Dictionary<SourceRepository, int>();
            // Rows of other passes' repositories are passed over after their id: the first pass checked every row.
            bool InBatch(string? rid) => !TryId(rid, out var id) || byId.ContainsKey(id);
            foreach (var (record, id) in TrafficRows(InBatch, cancellationToken))
            {
                if (!byId.TryGetValue(id, out var repository))
                {
                    continue;
                }

                var day = ReadTrafficDay(record);
                var problem = day.Problem ?? SourceRows.Problem(day.Day!, Today);
                if (problem is null)
                {
                    repository.Days.Add(day.Day!);
                    continue;
                }

                // A hostile export may hold millions of bad rows: the report lists a bounded number and counts the rest.
                var count = rejected[repository] = rejected.GetValueOrDefault(repository) + 1;
                if (count <= RejectionsListedPerRepository)
                {
                    repository.Rejections.Add(new ImportRejection(record.Where(TrafficFileName), problem));
                }
            }

            foreach (var (repository, count) in rejected.Where(pair => pair.Value > RejectionsListedPerRepository))
            {
                repository.Rejections.Add(new ImportRejection(TrafficFileName, string.Create(CultureInfo.InvariantCulture, $"{count - RejectionsListedPerRepository} more rows rejected")));
            }

            foreach (var repository in batch)
            {
                yield return repository;
            }
        }
    }

    /// <summary>The name of the traffic file, for messages.</summary>
    protected string TrafficFileName => Path.GetFileName(TrafficPath);

    /// <summary>Reads the repositories' names and the people, with notes on what was read.</summary>
    protected abstract Dictionary<long, IbmRepositoryName> ReadNames(CancellationToken cancellationToken, out List<ImportedUser> users, out List<string> notes);

    /// <summary>Reads the repository id of a daily row. A record that is not of this file's shape throws.</summary>
    protected abstract long ReadTrafficId(DelimitedRecord record);

    /// <summary>Reads the day of a daily row whose id was read, or why the row is rejected.</summary>
    protected abstract ParsedDay ReadTrafficDay(DelimitedRecord record);

    /// <summary>Whether a record is a header to skip.</summary>
    protected virtual bool IsHeader(DelimitedRecord record) => false;

    /// <summary>Reads a day as the app's exports write it: ISO (Python's str of a date, Db2's DATESISO) or Db2's default yyyymmdd.</summary>
    protected static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>A repository id, as INT columns are written.</summary>
    protected static bool TryId(string? text, out long id) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id);

    /// <summary>Reads the four counts of a row that starts its counts at <paramref name="first"/>.</summary>
    protected static ParsedDay Counts(DelimitedRecord record, int dateField, int first)
    {
        var f = record.Fields;
        if (!TryDay(f[dateField], out var date))
        {
            return new ParsedDay(null, $"bad date '{SourceRows.Shorten(f[dateField] ?? "")}'");
        }

        var counts = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!SourceRows.TryCount(f[first + i], out counts[i]))
            {
                return new ParsedDay(null, $"bad count '{SourceRows.Shorten(f[first + i] ?? "")}' on {date:yyyy-MM-dd}");
            }
        }

        return new ParsedDay(new SourceDay(date, counts[0], counts[1], counts[2], counts[3], DayCoverage.Partial), null);
    }

    /// <summary>Opens a delimited file and checks that each record has the tool's number of fields.</summary>
    protected static IEnumerable<DelimitedRecord> Records(string path, int fields, CancellationToken cancellationToken, Func<string?, bool>? wanted = null)
    {
        using var reader = DelimitedReader.Open(path);
        foreach (var record in reader.Records(wanted, cancellationToken))
        {
            if (record.Fields.Count != fields)
            {
                throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{record.Where(Path.GetFileName(path))}: {record.Fields.Count} fields where the IBM app writes {fields}; is this the right file, whole?"));
            }

            yield return record;
        }
    }

    private IEnumerable<(DelimitedRecord Record, long Id)> TrafficRows(Func<string?, bool>? wanted, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var record in ReadTraffic(wanted, cancellationToken))
        {
            if (first && IsHeader(record))
            {
                first = false;
                continue;
            }

            first = false;
            yield return (record, ReadTrafficId(record));
        }
    }

    /// <summary>The traffic file's records whose first field (the id) <paramref name="wanted"/> accepts (null: every record).</summary>
    protected abstract IEnumerable<DelimitedRecord> ReadTraffic(Func<string?, bool>? wanted, CancellationToken cancellationToken);

    /// <summary>A day read from a row, or why it was not.</summary>
    protected sealed record ParsedDay(SourceDay? Day, string? Problem);
}
