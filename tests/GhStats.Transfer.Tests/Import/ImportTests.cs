using GhStats.Domain;
using GhStats.Storage.Conformance;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Transfer.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests.Import;

/// <summary>
/// Imports of every source's fixture (hand-made in the format each tool's own code writes) into a real database: the
/// expected days, coverage and rejections; exactly once; a dry run that reports what the import then does.
/// </summary>
public abstract partial class ImportTests : IAsyncLifetime
{
    /// <summary>A week after the fixtures' last day.</summary>
    private static readonly DateTimeOffset Now = new(2021, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly March1 = new(2021, 3, 1);

    private readonly ServiceProvider services;

    /// <summary>Sources built for one test (ghstats' database, repohistory's archives), deleted after it.</summary>
    private readonly List<string> scratch = [];

    protected ImportTests(StoreDatabaseFixture database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services = database.BuildServices(new FakeTimeProvider(Now), s => s.AddGhStats().AddTransfer());
    }

    private TrafficImporter Importer => services.GetRequiredService<TrafficImporter>();

    private ITrafficStore Traffic => services.GetRequiredService<ITrafficStore>();

    private IRepositoryStore Repositories => services.GetRequiredService<IRepositoryStore>();

    public static TheoryData<ImportSource, string> Sources => new()
    {
        { ImportSource.IbmDb2Export, "IbmDb2" },
        { ImportSource.IbmRepostatsCsv, "IbmCsv/repostats.csv" },
        { ImportSource.IbmRepostatsCsv, "IbmCsvEarly/repostats.csv" },
        { ImportSource.GitHubRepoStats, "GitHubRepoStats" },
        { ImportSource.GhstatsSqlite, "Ghstats" },
        { ImportSource.RepohistoryCsv, "Repohistory" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        foreach (var directory in scratch)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task IbmDb2Export_BringsRepositoriesAndDays_MergesTwoIdsByTheMaximum_AndReportsPeopleWithoutGrantingThem()
    {
        var tenant = await NewTenantAsync();

        var report = await Importer.ImportAsync(Request(ImportSource.IbmDb2Export, "IbmDb2", tenant));

        var app = report.Repositories.Single(r => r.FullName == "octo-org/app");
        (app.Outcome, app.DaysNew, app.DaysRaised, app.DaysUnchanged, app.DaysLower).ShouldBe((RepositoryImportOutcome.CreatedTracked, 2, 0, 0, 0));
        app.SourceKeys.ShouldBe(["1000", "1002"]);
        app.Rejections.Select(r => r.Where).ShouldBe(["REPOTRAFFIC.del:4", "REPOTRAFFIC.del:9"]);
        app.Rejections[0].Reason.ShouldStartWith("uniques above totals on 2021-03-03");
        app.Rejections[1].Reason.ShouldStartWith("bad date 2099-01-01");
        var docs = report.Repositories.Single(r => r.FullName == "octo-org/docs");
        docs.DaysNew.ShouldBe(1);
        docs.Rejections.ShouldBe([new ImportRejection("REPOTRAFFIC.del:6", "bad date '20210230'")]);
        report.Repositories.Count(r => r.Outcome == RepositoryImportOutcome.Rejected).ShouldBe(2);
        report.Repositories.Single(r => r.SourceKeys.SequenceEqual(["1003"])).Rejections.Single().Reason.ShouldStartWith("invalid repository name 'octo-org/=HYPERLINK(");
        report.Repositories.Single(r => r.SourceKeys.SequenceEqual(["1004"])).Rejections.Single().Reason.ShouldStartWith("unknown repository name");

        report.Users.Select(u => $"{u.Email} {u.Name}: {string.Join(", ", u.Roles)}").ShouldBe(
        [
            "ann@example.com Ann: Admin, Owner of IBM tenant 100 (octocat)",
            "bob@example.com Bob: Viewer of repository octo-org/docs only",
        ]);
        report.Notes.ShouldContain(n => n.Contains("IBM tenant 100 (octocat): 4 repositories", StringComparison.Ordinal));
        Text(report).ShouldNotContain("ghp_");

        var appId = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "app"))!.Id;
        (await DaysAsync(tenant, appId)).ShouldBe(
        [
            TrafficPoint.ForDay(March1, DayCoverage.Partial, 10, 4, 2, 1),
            TrafficPoint.ForDay(March1.AddDays(1), DayCoverage.Partial, 9, 3, 1, 1),
        ]);
        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).Select(r => r.FullName).ShouldBe(["octo-org/app", "octo-org/docs"]);
        var audit = await services.GetRequiredService<IAuditStore>().ListAsync(new AuditQuery(TenantId: tenant.Id));
        audit.Count(e => e.Action == AuditActions.TrafficImported).ShouldBe(2);
        audit.Count(e => e.Action == AuditActions.RepositoryTracked).ShouldBe(2);
    }

    [Fact]
    public async Task IbmRepostatsCsv_TakesNamesFromRepositoriesCsv_AndAsksOnlyForTheOneItLacks()
    {
        var tenant = await NewTenantAsync();

        var unnamed = await Importer.ImportAsync(Request(ImportSource.IbmRepostatsCsv, "IbmCsv/repostats.csv", tenant) with { DryRun = true });
        unnamed.Repositories.Single(r => r.SourceKeys.SequenceEqual(["1005"])).Rejections[^1].Reason
            .ShouldContain("give it with --repository 1005=owner/name");

        var report = await Importer.ImportAsync(Request(ImportSource.IbmRepostatsCsv, "IbmCsv/repostats.csv", tenant) with
        {
            RepositoryNames = new Dictionary<string, string> { ["1005"] = "octo-org/tools" },
        });

        report.Repositories.Select(r => (r.FullName, r.DaysNew, r.Rejections.Count)).ShouldBe(
            [("octo-org/app", 2, 0), ("octo-org/docs", 1, 0), ("octo-org/tools", 1, 1)]);
        var app = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "app"))!;
        (await DaysAsync(tenant, app.Id)).ShouldBe(
        [
            TrafficPoint.ForDay(March1, DayCoverage.Partial, 10, 4, 2, 1),
            TrafficPoint.ForDay(March1.AddDays(1), DayCoverage.Partial, 8, 3, 0, 0),
        ]);
    }

    [Fact]
    public async Task GitHubRepoStats_ProvesEachRunsWindow_KeepsSnapshotDates_AndMergesTwoSpellings()
    {
        var tenant = await NewTenantAsync();

        // The action run once as Octo-Org/App wrote a second directory (made here: a checkout on a case-blind disk could not hold both).
        var data = Directory.CreateTempSubdirectory("ghstats-ghrs-").FullName;
        try
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Fixtures", "GitHubRepoStats"), data);
            Directory.CreateDirectory(Path.Combine(data, "Octo-Org", "App", "ghrs-data"));
            await File.WriteAllTextAsync(
                Path.Combine(data, "Octo-Org", "App", "ghrs-data", "views_clones_aggregate.csv"),
                "time_iso8601,clones_total,clones_unique,views_total,views_unique\n2021-03-01 00:00:00+00:00,4,4,60,14\n");
            await GitHubRepoStatsAsync(tenant, Request(ImportSource.GitHubRepoStats, "GitHubRepoStats", tenant) with { Path = data });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task GitHubRepoStatsAsync(Tenant tenant, ImportRequest request)
    {
        var report = await Importer.ImportAsync(request);

        var app = report.Repositories.Single(r => r.FullName.Equals("octo-org/app", StringComparison.OrdinalIgnoreCase));
        app.SourceKeys.ShouldBe(["Octo-Org/App", "octo-org/app"], ignoreOrder: true);
        app.Rejections.Select(r => r.Reason).ShouldBe(
        [
            "uniques above totals on 2021-03-05 (clones 3, unique cloners 5)",
            "not a referrer GitHub reports: '=HYPERLINK(\"http://evil.example\",\"x\")'",
        ]);

        // Runs on 03-10 and 03-12 prove 02-25..03-12; the 02-20 row is a lower bound; the rejected 03-05 stays unknown.
        var repo = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "app"))!;
        var days = (await Traffic.GetTrafficSeriesAsync(tenant.Id, repo.Id, new DateRange(new DateOnly(2021, 2, 19), new DateOnly(2021, 3, 13)), TrafficPeriod.Day)).Points
            .ToDictionary(p => p.Date);
        days[new DateOnly(2021, 2, 19)].Coverage.ShouldBe(DayCoverage.NotCollected);
        days[new DateOnly(2021, 2, 20)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2021, 2, 20), DayCoverage.Partial, 4, 2, 1, 1));
        days[new DateOnly(2021, 2, 24)].Coverage.ShouldBe(DayCoverage.NotCollected);
        days[new DateOnly(2021, 2, 25)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2021, 2, 25), DayCoverage.Partial, 0, 0, 0, 0));
        days[new DateOnly(2021, 2, 26)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2021, 2, 26), DayCoverage.Complete, 0, 0, 0, 0));
        days[March1].ShouldBe(TrafficPoint.ForDay(March1, DayCoverage.Complete, 60, 14, 4, 4));
        days[new DateOnly(2021, 3, 5)].Coverage.ShouldBe(DayCoverage.NotCollected);
        days[new DateOnly(2021, 3, 11)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2021, 3, 11), DayCoverage.Complete, 5, 2, 0, 0));
        days[new DateOnly(2021, 3, 12)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2021, 3, 12), DayCoverage.Partial, 3, 3, 2, 1));
        days[new DateOnly(2021, 3, 13)].Coverage.ShouldBe(DayCoverage.NotCollected);

        var march10 = new DateOnly(2021, 3, 10);
        (await Traffic.GetReferrerHistoryAsync(tenant.Id, repo.Id, new DateRange(march10, march10))).ShouldBe(
            [new ReferrerSnapshot(repo.Id, march10, "github.com", 208, 72), new ReferrerSnapshot(repo.Id, march10, "Google", 182, 71)]);
        (await Traffic.GetPathHistoryAsync(tenant.Id, repo.Id, new DateRange(march10, march10))).Select(p => (p.Path, p.Title, p.Views)).ShouldBe(
            [("/octo-org/app", "", 366), ("/octo-org/app/blob/main/README.md", "", 47)]);
        report.Notes.ShouldContain(n => n.Contains("stargazer-snapshots.csv", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task EverySource_DryRunReportsWhatTheImportDoes_AndASecondImportChangesNothing(ImportSource source, string fixture)
    {
        var tenant = await NewTenantAsync();
        var request = Request(source, fixture, tenant) with
        {
            RepositoryNames = new Dictionary<string, string> { ["1005"] = "octo-org/tools", ["octo-org-docs-data-csv.zip"] = "octo-org/docs" },
        };

        var dryRun = await Importer.ImportAsync(request with { DryRun = true });
        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
        var first = await Importer.ImportAsync(request);
        var state = await StateAsync(tenant);
        var second = await Importer.ImportAsync(request);

        Text(dryRun with { DryRun = false }).ShouldBe(Text(first));
        first.Repositories.Sum(r => r.DaysNew).ShouldBeGreaterThan(0);
        second.Repositories.Where(r => r.Outcome != RepositoryImportOutcome.Rejected).ShouldAllBe(r =>
            r.Outcome == RepositoryImportOutcome.Existing && r.DaysNew == 0 && r.DaysRaised == 0 && r.DaysLower == 0 && r.SnapshotsNew == 0);
        second.Repositories.Sum(r => r.DaysUnchanged).ShouldBe(first.Repositories.Sum(r => r.DaysNew + r.DaysRaised + r.DaysUnchanged));
        (await StateAsync(tenant)).ShouldBe(state);
    }

    [Fact]
    public async Task Import_NeverLowersWhatGhStatsCollected_AndCountsTheLowerDays()
    {
        var tenant = await NewTenantAsync();
        var repo = await Repositories.AddAsync(tenant.Id, "octo-org", "app");
        await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repo.Id, new DateOnly(2021, 3, 2), [new TrafficDay(repo.Id, March1, 12, 5, 2, 1)]));

        var dryRun = await Importer.ImportAsync(Request(ImportSource.IbmDb2Export, "IbmDb2", tenant) with { DryRun = true });
        var report = await Importer.ImportAsync(Request(ImportSource.IbmDb2Export, "IbmDb2", tenant));

        var app = report.Repositories.Single(r => r.FullName == "octo-org/app");
        (app.Outcome, app.DaysNew, app.DaysRaised, app.DaysUnchanged, app.DaysLower).ShouldBe((RepositoryImportOutcome.Existing, 0, 1, 0, 1));
        Text(dryRun with { DryRun = false }).ShouldBe(Text(report));
        (await DaysAsync(tenant, repo.Id, March1, March1.AddDays(1))).ShouldBe(
        [
            TrafficPoint.ForDay(March1, DayCoverage.Complete, 12, 5, 2, 1),
            TrafficPoint.ForDay(March1.AddDays(1), DayCoverage.Partial, 9, 3, 1, 1),
        ]);
    }

    [Fact]
    public async Task HistoryOnly_CreatesRepositoriesThatKeepTheirDaysButAreNotCollected()
    {
        var tenant = await NewTenantAsync();

        var report = await Importer.ImportAsync(Request(ImportSource.GitHubRepoStats, "GitHubRepoStats", tenant) with { HistoryOnly = true });

        report.Repositories.ShouldAllBe(r => r.Outcome == RepositoryImportOutcome.CreatedHistoryOnly);
        (await Repositories.ListTrackedAsync(tenant.Id)).ShouldBeEmpty();
        var docs = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "docs"))!;
        docs.IsActive.ShouldBeFalse();
        (await DaysAsync(tenant, docs.Id)).ShouldBe([TrafficPoint.ForDay(March1, DayCoverage.Partial, 7, 3, 1, 1)]);
    }

    [Theory]
    [InlineData(ImportSource.IbmDb2Export, "IbmDb2")]
    [InlineData(ImportSource.IbmRepostatsCsv, "IbmCsv/repostats.csv")]
    public async Task ASmallPassBudget_ReadsALargeExportInSeveralPasses_WithTheSameResult(ImportSource source, string fixture)
    {
        var tenant = await NewTenantAsync();

        var inOne = await Importer.ImportAsync(Request(source, fixture, tenant) with { DryRun = true });
        var inMany = await Importer.ImportAsync(Request(source, fixture, tenant) with { DryRun = true, DaysPerPass = 1 });

        inOne.Repositories.Count.ShouldBeGreaterThan(1);
        inOne.Repositories.Sum(r => r.DaysNew + r.Rejections.Count).ShouldBeGreaterThan(0);
        Text(inMany).ShouldBe(Text(inOne));
    }

    public static TheoryData<ImportSource, string, string, string, string> HostileFiles => new()
    {
        { ImportSource.IbmDb2Export, "IbmDb2", "REPOS.del", "1000,\"app\",1,1000,0\n1001,\"do", "REPOS.del:2: the file ends inside a quoted field" },
        { ImportSource.IbmDb2Export, "IbmDb2", "GHORGUSERS.del", "1000,\"octo-\u00e9\",,,\n", "GHORGUSERS.del:1: the bytes are not UTF-8" },
        { ImportSource.IbmDb2Export, "IbmDb2", "REPOS.del", "1000,\"" + new string('a', 100_000) + "\",1,1000,0\n", "REPOS.del:1: a field is longer than 4096" },
        { ImportSource.IbmDb2Export, "IbmDb2", "REPOTRAFFIC.del", "1000,20210301,10,4,2,1\n1000,2021", "REPOTRAFFIC.del:2: 2 fields where the IBM app writes 6" },
        { ImportSource.IbmRepostatsCsv, "IbmCsv", "repostats.csv", "RID,TDATE,VIEWCOUNT,VUNIQUES,CLONECOUNT,CUNIQUES\n1000,2021-03-01,10,4\n", "repostats.csv:2: 4 fields" },
        { ImportSource.GitHubRepoStats, "GitHubRepoStats", "octo-org/app/ghrs-data/snapshots/2021-03-10_231805_top_referrers_snapshot.csv", "referrer,views_total,views_unique\n\"" + new string('x', 5000) + "\",1,1\n", "a field is longer than 4096" },
        { ImportSource.GitHubRepoStats, "GitHubRepoStats", "octo-org/docs/ghrs-data/views_clones_aggregate.csv", "time,views\n2021-03-01,1\n", "views_clones_aggregate.csv:1: the header lacks time_iso8601" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task AHostileFile_StopsTheImportWithItsFileAndLine_AndWritesNothing(ImportSource source, string fixture, string file, string content, string message)
    {
        var tenant = await NewTenantAsync();
        var data = Directory.CreateTempSubdirectory("ghstats-hostile-").FullName;
        try
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), data);

            // Text outside UTF-8 is written as Latin-1 bytes, as a tool exporting in another code page would.
            var bytes = content.Any(c => c > 127) ? System.Text.Encoding.Latin1.GetBytes(content) : System.Text.Encoding.UTF8.GetBytes(content);
            await File.WriteAllBytesAsync(Path.Combine(data, file), bytes);
            var path = source == ImportSource.IbmRepostatsCsv ? Path.Combine(data, "repostats.csv") : data;

            var failure = await Should.ThrowAsync<ImportFormatException>(() => Importer.ImportAsync(Request(source, fixture, tenant) with { Path = path }));

            failure.Message.ShouldContain(message);
            (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private ImportRequest Request(ImportSource source, string fixture, Tenant tenant) => new(
        source,
        source switch
        {
            ImportSource.GhstatsSqlite => SourceFixtures.GhstatsDatabase(Scratch()),
            ImportSource.RepohistoryCsv => SourceFixtures.RepohistoryArchives(Scratch()),
            _ => Path.Combine(SourceFixtures.Root, fixture),
        },
        tenant.Slug,
        AuditActor.System("import test"));

    private string Scratch()
    {
        var directory = Directory.CreateTempSubdirectory("ghstats-import-").FullName;
        scratch.Add(directory);
        return directory;
    }

    private Task<Tenant> NewTenantAsync() =>
        services.GetRequiredService<ITenantStore>().CreateAsync("t-" + Guid.NewGuid().ToString("N")[..12], "Import test");

    private async Task<IReadOnlyList<TrafficPoint>> DaysAsync(Tenant tenant, long repositoryId, DateOnly? from = null, DateOnly? to = null)
    {
        var series = await Traffic.GetTrafficSeriesAsync(tenant.Id, repositoryId, new DateRange(from ?? new DateOnly(2021, 1, 1), to ?? DateOnly.FromDateTime(Now.UtcDateTime)), TrafficPeriod.Day);
        return series.Points.Where(p => p.Coverage != DayCoverage.NotCollected).ToList();
    }

    /// <summary>Every stored day and snapshot of the tenant, as text, to compare before and after.</summary>
    private async Task<string> StateAsync(Tenant tenant)
    {
        var range = new DateRange(new DateOnly(2020, 1, 1), new DateOnly(2021, 3, 20));
        var lines = new List<string>();
        foreach (var repo in await Repositories.ListAsync(tenant.Id, includeRemoved: true))
        {
            lines.Add($"{repo.FullName} active={repo.IsActive}");
            lines.AddRange((await DaysAsync(tenant, repo.Id)).Select(p => p.ToString()));
            lines.AddRange((await Traffic.GetReferrerHistoryAsync(tenant.Id, repo.Id, range)).Select(s => s.ToString()));
            lines.AddRange((await Traffic.GetPathHistoryAsync(tenant.Id, repo.Id, range)).Select(s => s.ToString()));
        }

        return string.Join('\n', lines);
    }

    /// <summary>A report as text, lists spelled out (records compare lists by reference).</summary>
    private static string Text(ImportReport report) => string.Join('\n',
        [
            $"{report.Source} dry={report.DryRun}",
            .. report.Repositories.Select(r => $"{r.FullName} [{string.Join(",", r.SourceKeys)}] {r.Outcome} new={r.DaysNew} raised={r.DaysRaised} same={r.DaysUnchanged} lower={r.DaysLower} snapshots={r.SnapshotsNew} " +
                string.Join("; ", r.Rejections.Select(x => $"{x.Where}: {x.Reason}"))),
            .. report.Users.Select(u => $"{u.Email} {u.Name} {string.Join(",", u.Roles)}"),
            .. report.Rejections.Select(x => $"{x.Where}: {x.Reason}"),
            .. report.Notes,
        ]);
}

/// <summary>The import tests on a SQLite file.</summary>
public sealed class SqliteImportTests(SqliteDatabaseFixture database) : ImportTests(database), IClassFixture<SqliteDatabaseFixture>;

/// <summary>The import tests on PostgreSQL.</summary>
public sealed class PostgresImportTests(PostgresDatabaseFixture database) : ImportTests(database), IClassFixture<PostgresDatabaseFixture>;
