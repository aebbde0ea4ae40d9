using System.Globalization;

namespace GhStats.Transfer.Import;

/// <summary>
/// The IBM app's Db2 tables as <c>EXPORT TO &lt;table&gt;.del OF DEL SELECT * FROM &lt;table&gt;</c> writes them into one
/// directory: REPOTRAFFIC, REPOS and GHORGUSERS are needed; TENANTS, TENANTREPOS, ADMINUSERS, ADMINROLES and
/// ADMINTENANTREPOROLES add the tenants and the people. DEL as Db2 writes it by default: comma between columns, text in
/// double quotes (inner quotes doubled), NULL as an empty field, DATE as yyyymmdd (or yyyy-mm-dd with DATESISO), in
/// the database's code page: UTF-8 (CODEPAGE=1208) is read.
/// </summary>
internal sealed class IbmDb2ExportReader(ImportRequest request, DateOnly today) : IbmReader(request, today)
{
    /// <summary>The app's role bits (ADMINROLEVALUES): 1 admin, 2 sysmaint, 4 tenant, 8 tenantstats, 16 repostats.</summary>
    private const int Admin = 1, SystemMaintainer = 2, TenantOwner = 4, TenantViewer = 8, RepositoryViewer = 16;

    protected override string TrafficPath => Table("repotraffic", required: true)!;

    protected override Dictionary<long, IbmRepositoryName> ReadNames(CancellationToken cancellationToken, out List<ImportedUser> users, out List<string> notes)
    {
        notes = [];
        var owners = new Dictionary<long, string?>();
        var ownersFile = Table("ghorgusers", required: true)!;
        foreach (var r in Records(ownersFile, 5, cancellationToken))
        {
            owners[Id(r, 0, ownersFile)] = r.Fields[1];
        }

        var names = new Dictionary<long, IbmRepositoryName>();
        var reposFile = Table("repos", required: true)!;
        foreach (var r in Records(reposFile, 5, cancellationToken))
        {
            var owner = owners.GetValueOrDefault(Id(r, 3, reposFile));
            names[Id(r, 0, reposFile)] = new IbmRepositoryName(owner, r.Fields[1], $"{Path.GetFileName(reposFile)}:{r.Line}");
        }

        // Tenants: their GitHub user names label the roles; the access token column is never kept.
        var tenants = new Dictionary<long, string>();
        if (Table("tenants", required: false) is { } tenantsFile)
        {
            foreach (var r in Records(tenantsFile, 6, cancellationToken))
            {
                tenants[Id(r, 0, tenantsFile)] = r.Fields[4] ?? "";
            }
        }

        if (Table("tenantrepos", required: false) is { } tenantReposFile)
        {
            var perTenant = Records(tenantReposFile, 2, cancellationToken).GroupBy(r => Id(r, 0, tenantReposFile));
            foreach (var tenant in perTenant.OrderBy(g => g.Key))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"IBM tenant {tenant.Key} ({SourceRows.Shorten(tenants.GetValueOrDefault(tenant.Key, "?"))}): {tenant.Count()} repositories, imported into tenant {Request.TenantSlug}."));
            }
        }

        users = ReadUsers(names, tenants, cancellationToken);
        notes.Add("SYSTEMLOG and GHSERVERS are not imported: the app's run log cannot prove a repository's days (its text accumulates across tenants).");
        return names;
    }

    protected override IEnumerable<DelimitedRecord> ReadTraffic(Func<string?, bool>? wanted, CancellationToken cancellationToken) =>
        Records(TrafficPath, 6, cancellationToken, wanted);

    protected override long ReadTrafficId(DelimitedRecord record) => Id(record, 0, TrafficPath);

    protected override ParsedDay ReadTrafficDay(DelimitedRecord record) => Counts(record, 1, 2);

    private List<ImportedUser> ReadUsers(Dictionary<long, IbmRepositoryName> names, Dictionary<long, string> tenants, CancellationToken cancellationToken)
    {
        if (Table("adminusers", required: false) is not { } usersFile)
        {
            return [];
        }

        var roles = new Dictionary<long, List<string>>();
        void Add(long aid, string role) => (roles.TryGetValue(aid, out var list) ? list : roles[aid] = []).Add(role);
        if (Table("adminroles", required: false) is { } rolesFile)
        {
            foreach (var r in Records(rolesFile, 2, cancellationToken))
            {
                var role = Id(r, 1, rolesFile);
                if ((role & Admin) != 0)
                {
                    Add(Id(r, 0, rolesFile), "Admin");
                }

                if ((role & SystemMaintainer) != 0)
                {
                    Add(Id(r, 0, rolesFile), "Maintainer");
                }
            }
        }

        if (Table("admintenantreporoles", required: false) is { } scopedFile)
        {
            foreach (var r in Records(scopedFile, 4, cancellationToken))
            {
                var (aid, tid, role) = (Id(r, 0, scopedFile), Id(r, 1, scopedFile), Id(r, 2, scopedFile));
                var tenant = string.Create(CultureInfo.InvariantCulture, $"IBM tenant {tid} ({SourceRows.Shorten(tenants.GetValueOrDefault(tid, "?"))})");
                if ((role & TenantOwner) != 0)
                {
                    Add(aid, $"Owner of {tenant}");
                }

                if ((role & TenantViewer) != 0)
                {
                    Add(aid, $"Viewer of {tenant}");
                }

                if ((role & RepositoryViewer) != 0 && TryId(r.Fields[3], out var rid))
                {
                    var name = names.GetValueOrDefault(rid);
                    Add(aid, name?.Owner is not null ? $"Viewer of repository {SourceRows.Shorten($"{name.Owner}/{name.Name}")} only" : string.Create(CultureInfo.InvariantCulture, $"Viewer of repository id {rid} only"));
                }
            }
        }

        return Records(usersFile, 3, cancellationToken)
            .Select(r => new ImportedUser(SourceRows.Shorten(r.Fields[2] ?? ""), SourceRows.Shorten(r.Fields[1] ?? ""), roles.GetValueOrDefault(Id(r, 0, usersFile)) ?? []))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Finds a table's file in the directory (any case, .del or .csv).</summary>
    private string? Table(string table, bool required)
    {
        if (!Directory.Exists(Request.Path))
        {
            throw new DirectoryNotFoundException($"No directory '{Request.Path}': give the directory the Db2 EXPORT files were written to.");
        }

        var file = Directory.EnumerateFiles(Request.Path)
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(table, StringComparison.OrdinalIgnoreCase)
                && Path.GetExtension(f).ToUpperInvariant() is ".DEL" or ".CSV");
        return file is null && required
            ? throw new ImportFormatException($"{Request.Path} has no {table.ToUpperInvariant()}.del: export it with EXPORT TO {table}.del OF DEL SELECT * FROM {table}.")
            : file;
    }

    private static long Id(DelimitedRecord record, int field, string file) => TryId(record.Fields[field], out var id)
        ? id
        : throw new ImportFormatException($"{record.Where(Path.GetFileName(file))}: '{SourceRows.Shorten(record.Fields[field] ?? "")}' is not a number in an id column.");
}
