using System.Globalization;
using GhStats.Domain;
using Microsoft.Data.Sqlite;

namespace GhStats.Transfer.Import;

/// <summary>
/// vladkens/ghstats' SQLite file (<c>ghstats.db</c>), opened read-only. Its tables, as its migrations create them:
/// <c>repos(id, name, ...)</c> keyed by GitHub's repository id with the full name as GitHub last gave it;
/// <c>repo_stats(repo_id, date, ..., clones_count, clones_uniques, views_count, views_uniques)</c> one row per day;
/// <c>repo_referrers(repo_id, date, referrer, count, uniques, ...)</c> and
/// <c>repo_popular_paths(repo_id, date, path, title, count, uniques, ...)</c> one row per item and day of a run. Every
/// date is a UTC midnight as text, <c>2021-03-01T00:00:00Z</c>. Each hourly run (at minute 59, dated when it starts)
/// reads views, clones, referrers and paths before writing, then writes views and clones (the maximum per day) before
/// its referrers and paths: a referrer or path row dated D proves a whole read of GitHub's window up to D. As the run
/// may read GitHub just after midnight, D-12..D are proven (edges partial, between complete, days without a row zero);
/// rows outside every proven read are lower bounds (partial), and those without views or clones are left out:
/// ghstats writes such rows for star history (every day someone starred) and for the run's own day, not as zeros.
/// </summary>
internal sealed class GhstatsDatabaseReader(ImportRequest request, DateOnly today) : IImportReader
{
    /// <summary>A run dated D reads GitHub's 14-day window at D or, past midnight, at D+1: the days both windows hold.</summary>
    private const int ProvenWindowDays = CollectionHorizon.GitHubWindowDays - 1;

    /// <summary>Text is cut here in SQL, so an enormous value costs no memory and is still refused as too long.</summary>
    private const int TextLimit = DelimitedReader.MaxFieldLength + 1;

    private static readonly (string Table, string[] Columns)[] Schema =
    [
        ("repos", ["id", "name"]),
        ("repo_stats", ["repo_id", "date", "clones_count", "clones_uniques", "views_count", "views_uniques"]),
        ("repo_referrers", ["repo_id", "date", "referrer", "count", "uniques"]),
        ("repo_popular_paths", ["repo_id", "date", "path", "title", "count", "uniques"]),
    ];

    private List<List<long>> groups = [];
    private Dictionary<long, string?> names = [];

    public ImportScan Scan(CancellationToken cancellationToken)
    {
        using var connection = Open();
        var notes = new List<string>();
        var rejections = new List<ImportRejection>();
        Run(connection, () =>
        {
            var check = Scalar(connection, "PRAGMA quick_check");
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw new ImportFormatException($"{FileName}: the database is damaged ({SourceRows.Shorten(check ?? "")}); is it whole?");
            }

            foreach (var (table, columns) in Schema)
            {
                var have = Column(connection, $"SELECT name FROM pragma_table_info('{table}')").ToHashSet(StringComparer.OrdinalIgnoreCase);
                var missing = columns.Where(c => !have.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    throw new ImportFormatException($"{FileName}: {(have.Count == 0 ? $"no table {table}" : $"table {table} lacks {string.Join(", ", missing)}")}; this is not a ghstats database.");
                }
            }

            notes.Add($"ghstats database, schema version {Scalar(connection, "PRAGMA user_version")}.");
            names = [];
            using (var command = Command(connection, $"SELECT id, substr(name, 1, {TextLimit}) FROM repos ORDER BY id"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    names[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetValue(1).ToString();
                }
            }

            // Rows of an id without a repos row have no name in the database: --repository gives it.
            const string RowIds = "SELECT repo_id FROM repo_stats UNION SELECT repo_id FROM repo_referrers UNION SELECT repo_id FROM repo_popular_paths";
            foreach (var orphan in Column(connection, $"SELECT repo_id FROM ({RowIds}) WHERE repo_id NOT IN (SELECT id FROM repos) ORDER BY 1"))
            {
                if (long.TryParse(orphan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
                {
                    names[id] = null;
                }
                else
                {
                    rejections.Add(new ImportRejection($"repo_id '{SourceRows.Shorten(orphan)}'", "not a repository id; its rows are left out"));
                }
            }
        });

        // One repository under two ids (deleted and created again) or spellings becomes one, merged by the maximum.
        groups = names.Keys
            .GroupBy(id => GivenName(id) is { } name && GitHubNames.TryParseFullName(name, out _, out _) ? name : $"#{id}", StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Order().ToList())
            .ToList();
        var leftOut = 0;
        foreach (var group in groups)
        {
            leftOut += Run(connection, () => Read(connection, group, cancellationToken).LeftOut);
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{names.Count} ghstats repositories read; stars, forks, watchers, issues and pull requests are not traffic and are not imported."));
        if (leftOut > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{leftOut} rows of repo_stats without views or clones, on days no ghstats run proves, left out: ghstats writes them for star history and for a run's own day, not as zeros."));
        }

        return new ImportScan([], rejections, notes, groups.Count);
    }

    public IEnumerable<SourceRepository> Repositories(CancellationToken cancellationToken)
    {
        using var connection = Open();
        foreach (var group in groups)
        {
            yield return Run(connection, () => Read(connection, group, cancellationToken).Repository);
        }
    }

    private string FileName => Path.GetFileName(request.Path);

    private string? GivenName(long id) =>
        request.RepositoryNames.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var given) ? given : names.GetValueOrDefault(id);

    private SqliteConnection Open()
    {
        if (!File.Exists(request.Path))
        {
            throw new FileNotFoundException($"No file '{request.Path}': give the ghstats database file (ghstats.db in its data directory).", request.Path);
        }

        // Read-only, unpooled: the file is never written, and is let go when the import ends.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = request.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        Run(connection, connection.Open);
        return connection;
    }

    /// <summary>Turns SQLite's refusals (not a database, damaged pages) into the import's format error.</summary>
    private T Run<T>(SqliteConnection connection, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException failure)
        {
            connection.Dispose();
            throw new ImportFormatException($"{FileName}: not a ghstats database SQLite can read ({failure.Message}).", failure);
        }
    }

    private void Run(SqliteConnection connection, Action read) => Run(connection, () =>
    {
        read();
        return true;
    });

    private (SourceRepository Repository, int LeftOut) Read(SqliteConnection connection, List<long> ids, CancellationToken cancellationToken)
    {
        var repository = new SourceRepository();
        repository.Keys.AddRange(ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var rows = new List<SourceDay>();
        var rejectedDays = new HashSet<DateOnly>();
        var readDays = new HashSet<DateOnly>();
        var referrers = new Dictionary<(DateOnly, string), SourceSnapshot>();
        var paths = new Dictionary<(DateOnly, string), SourceSnapshot>();
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadDays(connection, id, repository, rows, rejectedDays);
            ReadSnapshots(connection, id, isPath: false, repository, referrers, readDays);
            ReadSnapshots(connection, id, isPath: true, repository, paths, readDays);
        }

        repository.Referrers.AddRange(referrers.Values.OrderBy(s => s.CapturedOn));
        repository.Paths.AddRange(paths.Values.OrderBy(s => s.CapturedOn));

        // Two ids of one repository, or repeated days, fold by the maximum before the coverage is decided.
        var days = rows.GroupBy(r => r.Day).Select(g => g.Aggregate((a, b) => a.Max(b))).ToList();
        var proven = ProvenReads.Coverage(readDays, ProvenWindowDays);
        var covered = ProvenReads.Cover(days, proven, rejectedDays, HasTraffic).Where(d => d.Day >= SourceRows.EarliestDay && d.Day <= today).ToList();
        repository.Days.AddRange(covered);
        var leftOut = days.Count(d => !HasTraffic(d) && !proven.ContainsKey(d.Day));

        var name = GivenName(ids[0]);
        if (name is null)
        {
            SourceRows.Name(repository, null, null, "the ghstats repos table");
        }
        else if (request.RepositoryNames.ContainsKey(repository.Keys[0]))
        {
            SourceRows.NameGiven(repository, name);
        }
        else
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            SourceRows.Name(repository, slash < 0 ? name : name[..slash], slash < 0 ? "" : name[(slash + 1)..], "the ghstats repos table");
        }

        return (repository, leftOut);
    }

    private static bool HasTraffic(SourceDay day) => day.Views > 0 || day.Clones > 0;

    private void ReadDays(SqliteConnection connection, long id, SourceRepository repository, List<SourceDay> rows, HashSet<DateOnly> rejectedDays)
    {
        using var command = Command(connection, $"SELECT rowid, substr(date, 1, {TextLimit}), views_count, views_uniques, clones_count, clones_uniques FROM repo_stats WHERE repo_id = $id ORDER BY date");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"repo_stats row {reader.GetInt64(0)}");
            var problem = DayProblem(reader.GetValue(1), out var day);
            var counts = new int[4];
            for (var i = 0; problem is null && i < 4; i++)
            {
                problem = CountProblem(reader.GetValue(i + 2), out counts[i]);
            }

            var source = new SourceDay(day, counts[0], counts[1], counts[2], counts[3], DayCoverage.Partial);
            problem ??= SourceRows.Problem(source, today);
            if (problem is null)
            {
                rows.Add(source);
            }
            else
            {
                if (day != default)
                {
                    rejectedDays.Add(day);
                }

                repository.Rejections.Add(new ImportRejection(where, problem));
            }
        }
    }

    private void ReadSnapshots(SqliteConnection connection, long id, bool isPath, SourceRepository repository, Dictionary<(DateOnly, string), SourceSnapshot> into, HashSet<DateOnly> readDays)
    {
        var table = isPath ? "repo_popular_paths" : "repo_referrers";
        var sql = isPath
            ? $"SELECT rowid, substr(date, 1, {TextLimit}), substr(path, 1, {TextLimit}), substr(title, 1, {TextLimit}), count, uniques FROM repo_popular_paths WHERE repo_id = $id ORDER BY date"
            : $"SELECT rowid, substr(date, 1, {TextLimit}), substr(referrer, 1, {TextLimit}), '', count, uniques FROM repo_referrers WHERE repo_id = $id ORDER BY date";
        using var command = Command(connection, sql);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{table} row {reader.GetInt64(0)}");
            var problem = DayProblem(reader.GetValue(1), out var day);
            if (problem is null && day <= today)
            {
                // The run wrote this row after its views and clones: its day proves the read.
                readDays.Add(day);
            }

            var viewsProblem = CountProblem(reader.GetValue(4), out var views);
            var uniqueProblem = CountProblem(reader.GetValue(5), out var unique);
            problem ??= viewsProblem ?? uniqueProblem;
            var snapshot = new SourceSnapshot(day, reader.GetValue(2) as string ?? "", reader.GetValue(3) as string ?? "", views, unique);
            problem ??= SourceRows.Problem(snapshot, isPath, today);
            if (problem is not null)
            {
                repository.Rejections.Add(new ImportRejection(where, problem));
                continue;
            }

            // Two ids with a snapshot of one day: the larger figures stand, and a title where one has it.
            var key = (day, snapshot.Key);
            into[key] = into.TryGetValue(key, out var held)
                ? new SourceSnapshot(day, snapshot.Key, held.Title.Length > 0 ? held.Title : snapshot.Title, Math.Max(held.Views, snapshot.Views), Math.Max(held.UniqueViews, snapshot.UniqueViews))
                : snapshot;
        }
    }

    /// <summary>Reads ghstats' date, a UTC midnight as GitHub's API writes it (<c>2021-03-01T00:00:00Z</c>).</summary>
    private static string? DayProblem(object value, out DateOnly day)
    {
        day = default;
        if (value is not string text
            || !DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            || time.TimeOfDay != TimeSpan.Zero)
        {
            return $"bad date '{SourceRows.Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}' (not a UTC midnight as ghstats writes it)";
        }

        day = DateOnly.FromDateTime(time);
        return null;
    }

    /// <summary>ghstats binds counts as 32-bit integers; SQLite would hold anything another program put there.</summary>
    private static string? CountProblem(object value, out int count)
    {
        count = 0;
        if (value is long whole and >= 0 and <= int.MaxValue)
        {
            count = (int)whole;
            return null;
        }

        return $"bad count '{SourceRows.Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}'";
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }
}
