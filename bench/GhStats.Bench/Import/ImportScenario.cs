using System.Globalization;
using System.Text;
using GhStats.Bench.Merge;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Transfer.Import;
using Microsoft.Extensions.Logging.Abstractions;

namespace GhStats.Bench.Import;

/// <summary>
/// The benchmark's rows as the IBM app's <c>repostats.csv</c> download (with <c>repositories.csv</c> beside it), imported
/// by <see cref="TrafficImporter"/> into a fresh database whose repositories already exist: reading and checking the
/// file, comparing every day with what the store holds, and merging. Then the same file again (every day unchanged) and
/// its dry run. Writing the files is not timed; reading them is.
/// </summary>
internal sealed class ImportScenario : IMergeScenario
{
    public const string Import = "import repostats.csv (IBM app)";

    public const string Again = "import the same file again (all unchanged)";

    public const string DryRun = "dry run of the same file (all unchanged)";

    private const string Tenant = "bench-0";

    public bool RunsOn(StoreUnderTest store) => true;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        // One tenant holds every repository: an import lands in one tenant.
        await using var database = await store.CreateDatabaseAsync(data.Repositories, repositoriesPerTenant: data.Repositories);
        var folder = Directory.CreateTempSubdirectory("ghstats-import-bench-");
        try
        {
            var file = await WriteRepostatsAsync(folder.FullName, data);
            var importer = new TrafficImporter(
                database.Get<ITenantStore>(), database.Get<IRepositoryStore>(), database.Traffic, database.Get<IAuditStore>(), TimeProvider.System, NullLogger<TrafficImporter>.Instance);
            var request = new ImportRequest(ImportSource.IbmRepostatsCsv, file, Tenant, AuditActor.System("import benchmark"));
            var rows = (long)data.Repositories * data.Days;
            var expected = data.Expected(data.Repositories);

            ImportReport? report = null;
            var first = await Timed.RunAsync(store, async () => report = await importer.ImportAsync(request));
            Check(report!, rows, r => r.DaysNew, Import);
            (await database.ChecksumAsync()).ShouldEqual(expected, Import);

            var again = await Timed.RunAsync(store, async () => report = await importer.ImportAsync(request));
            Check(report!, rows, r => r.DaysUnchanged, Again);
            (await database.ChecksumAsync()).ShouldEqual(expected, Again);

            var dry = await Timed.RunAsync(store, async () => report = await importer.ImportAsync(request with { DryRun = true }));
            Check(report!, rows, r => r.DaysUnchanged, DryRun);

            return [new Measurement(Import, rows, first), new Measurement(Again, rows, again), new Measurement(DryRun, rows, dry)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Every repository merged into the existing one, every day counted where it should be, nothing rejected.</summary>
    private static void Check(ImportReport report, long rows, Func<RepositoryImportReport, int> days, string scenario)
    {
        var counted = report.Repositories.Sum(r => (long)days(r));
        var rejected = report.Rejections.Count + report.Repositories.Sum(r => r.Rejections.Count);
        if (counted != rows || rejected != 0 || report.Repositories.Any(r => r.Outcome != RepositoryImportOutcome.Existing))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{scenario}: the report counts {counted:N0} of {rows:N0} days where expected, {rejected} rejections, outcomes {string.Join(", ", report.Repositories.Select(r => r.Outcome).Distinct())}."));
        }
    }

    /// <summary>Writes repostats.csv (RID,TDATE,VIEWCOUNT,VUNIQUES,CLONECOUNT,CUNIQUES) and repositories.csv as the app does.</summary>
    private static async Task<string> WriteRepostatsAsync(string folder, TrafficData data)
    {
        var ids = Enumerable.Range(0, data.Repositories).Select(i => 1000L + i).ToList();
        var names = new StringBuilder("RID,ORGNAME,REPONAME\n");
        for (var i = 0; i < ids.Count; i++)
        {
            names.Append(CultureInfo.InvariantCulture, $"{ids[i]},bench-org-0,repo-{i:D5}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "repositories.csv"), names.ToString());
        var path = Path.Combine(folder, "repostats.csv");
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteAsync("RID,TDATE,VIEWCOUNT,VUNIQUES,CLONECOUNT,CUNIQUES\n");
        foreach (var days in data.RowsFor(ids))
        {
            foreach (var d in days)
            {
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{d.RepositoryId},{d.Day:yyyy-MM-dd},{d.Views},{d.UniqueViews},{d.Clones},{d.UniqueClones}\n"));
            }
        }

        return path;
    }
}
