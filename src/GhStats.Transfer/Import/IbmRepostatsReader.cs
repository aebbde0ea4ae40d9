using System.Globalization;

namespace GhStats.Transfer.Import;

/// <summary>
/// The IBM app's <c>/data/repostats.csv</c> download. The app writes a header <c>RID,TDATE,VIEWCOUNT,VUNIQUES,CLONECOUNT,CUNIQUES</c>
/// and rows joined by commas without quoting (dates as Python prints them, yyyy-mm-dd); its earlier versions wrote no
/// header and the owner and name after the id (<c>rid,orgname,reponame,tdate,...</c>). The current file has no names: they
/// come from the <c>/data/repositories.csv</c> download (<c>RID,ORGNAME,REPONAME</c>) beside it, or from --repository.
/// Its query joins a view built with UNION ALL, so a person with two roles gets every row twice: repeats merge.
/// </summary>
internal sealed class IbmRepostatsReader(ImportRequest request, DateOnly today) : IbmReader(request, today)
{
    private const string Header = "RID,TDATE,VIEWCOUNT,VUNIQUES,CLONECOUNT,CUNIQUES";
    private bool withNames;
    private Dictionary<long, IbmRepositoryName> rowNames = [];

    protected override string TrafficPath => File.Exists(Request.Path)
        ? Request.Path
        : throw new FileNotFoundException($"No file '{Request.Path}': give the repostats.csv the IBM app's /data/repostats.csv download saved.", Request.Path);

    protected override Dictionary<long, IbmRepositoryName> ReadNames(CancellationToken cancellationToken, out List<ImportedUser> users, out List<string> notes)
    {
        users = [];
        notes = [];
        using (var reader = DelimitedReader.Open(TrafficPath))
        {
            var first = reader.Records(cancellationToken).FirstOrDefault();
            withNames = first is not null && !IsHeader(first) && first.Fields.Count == 8;
        }

        var names = new Dictionary<long, IbmRepositoryName>();
        if (withNames)
        {
            notes.Add("repostats.csv of an early app version: the owner and name are in each row.");
            rowNames = names;
            return names;
        }

        var list = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(TrafficPath))!, "repositories.csv");
        if (!File.Exists(list))
        {
            notes.Add("No repositories.csv beside repostats.csv: repositories need their names, given with --repository <rid>=owner/name (on the import page: one <rid>=owner/name line each under repository names), or zip repostats.csv with repositories.csv.");
            return names;
        }

        using var listReader = DelimitedReader.Open(list);
        foreach (var r in listReader.Records(cancellationToken))
        {
            if (r.Line == 1 && string.Join(',', r.Fields).Equals("RID,ORGNAME,REPONAME", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (r.Fields.Count != 3 || !TryId(r.Fields[0], out var id))
            {
                throw new ImportFormatException($"{r.Where("repositories.csv")}: not a row of the IBM app's repositories.csv (RID,ORGNAME,REPONAME).");
            }

            names[id] = new IbmRepositoryName(r.Fields[1], r.Fields[2], $"repositories.csv:{r.Line}");
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"repositories.csv names {names.Count} repositories."));
        return names;
    }

    protected override bool IsHeader(DelimitedRecord record) =>
        string.Join(',', record.Fields).Equals(Header, StringComparison.OrdinalIgnoreCase);

    protected override IEnumerable<DelimitedRecord> ReadTraffic(Func<string?, bool>? wanted, CancellationToken cancellationToken)
    {
        using var reader = DelimitedReader.Open(TrafficPath);
        foreach (var record in reader.Records(wanted, cancellationToken))
        {
            var expected = withNames ? 8 : 6;
            if (record.Fields.Count != expected && !IsHeader(record))
            {
                throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{record.Where(TrafficFileName)}: {record.Fields.Count} fields where the IBM app's repostats.csv has {expected}; is it whole?"));
            }

            yield return record;
        }
    }

    protected override long ReadTrafficId(DelimitedRecord record)
    {
        if (!TryId(record.Fields[0], out var id))
        {
            throw new ImportFormatException($"{record.Where(TrafficFileName)}: '{SourceRows.Shorten(record.Fields[0] ?? "")}' is not a repository id.");
        }

        if (withNames && !rowNames.ContainsKey(id))
        {
            rowNames[id] = new IbmRepositoryName(record.Fields[1], record.Fields[2], record.Where(TrafficFileName));
        }

        return id;
    }

    protected override ParsedDay ReadTrafficDay(DelimitedRecord record) => withNames ? Counts(record, 3, 4) : Counts(record, 1, 2);
}
