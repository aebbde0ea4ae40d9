using System.Security.Cryptography;
using System.Text;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Transfer.Import;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests.Import;

/// <summary>vladkens/ghstats' SQLite file and repohistory's export archives: days, coverage, names and hostile files.</summary>
public abstract partial class ImportTests
{
    [Fact]
    public async Task GhstatsSqlite_ProvesTheRunsItsSnapshotsDate_LeavesStarRowsOut_MergesTwoIds_AndNeverWritesTheFile()
    {
        var tenant = await NewTenantAsync();
        var request = Request(ImportSource.GhstatsSqlite, "Ghstats", tenant);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(request.Path));

        var report = await Importer.ImportAsync(request);

        SHA256.HashData(await File.ReadAllBytesAsync(request.Path)).ShouldBe(before);
        var app = report.Repositories.Single(r => r.FullName == "octo-org/app");
        (app.Outcome, app.DaysNew, app.SnapshotsNew).ShouldBe((RepositoryImportOutcome.CreatedTracked, 15, 5));
        app.SourceKeys.ShouldBe(["1000", "1001"]);
        app.Rejections.Select(r => $"{r.Where}: {r.Reason}").ShouldBe(
        [
            "repo_stats row 4: uniques above totals on 2021-03-05 (clones 3, unique cloners 5)",
            "repo_stats row 8: bad date 2099-01-01 (outside 2008-01-01..2021-03-20)",
            "repo_stats row 9: bad date 'yesterday' (not a UTC midnight as ghstats writes it)",
            "repo_referrers row 3: not a referrer GitHub reports: '=HYPERLINK(\"http://evil.example\",\"x\")'",
        ]);
        report.Repositories.Single(r => r.SourceKeys.SequenceEqual(["1003"])).Rejections.Single().Reason
            .ShouldStartWith("invalid repository name '=HYPERLINK(\"http://evil.example\",\"x\")' in the ghstats repos table");
        report.Repositories.Single(r => r.SourceKeys.SequenceEqual(["1005"])).Rejections.Single().Reason
            .ShouldContain("give it with --repository 1005=owner/name");
        report.Notes.ShouldContain("2 rows of repo_stats without views or clones, on days no ghstats run proves, left out: ghstats writes them for star history and for a run's own day, not as zeros.");

        // Runs dated 03-10 and 03-12 (their referrers) prove 02-26..03-12; the 2020 star row and the rejected 03-05 stay unknown.
        var repo = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "app"))!;
        TrafficPoint Zero(int month, int day, DayCoverage coverage = DayCoverage.Complete) => TrafficPoint.ForDay(new DateOnly(2021, month, day), coverage, 0, 0, 0, 0);
        (await DaysAsync(tenant, repo.Id, new DateOnly(2020, 1, 1))).ShouldBe(
        [
            TrafficPoint.ForDay(new DateOnly(2021, 2, 20), DayCoverage.Partial, 6, 2, 1, 1),
            Zero(2, 26, DayCoverage.Partial), Zero(2, 27), Zero(2, 28),
            TrafficPoint.ForDay(March1, DayCoverage.Complete, 60, 20, 5, 4),
            Zero(3, 2), Zero(3, 3), Zero(3, 4), Zero(3, 6), Zero(3, 7), Zero(3, 8), Zero(3, 9), Zero(3, 10),
            TrafficPoint.ForDay(new DateOnly(2021, 3, 11), DayCoverage.Complete, 5, 2, 0, 0),
            TrafficPoint.ForDay(new DateOnly(2021, 3, 12), DayCoverage.Partial, 3, 3, 2, 1),
        ]);
        var march10 = new DateOnly(2021, 3, 10);
        (await Traffic.GetReferrerHistoryAsync(tenant.Id, repo.Id, new DateRange(march10, new DateOnly(2021, 3, 12)))).ShouldBe(
        [
            new ReferrerSnapshot(repo.Id, march10, "github.com", 300, 80),
            new ReferrerSnapshot(repo.Id, march10, "Google", 182, 71),
            new ReferrerSnapshot(repo.Id, new DateOnly(2021, 3, 12), "github.com", 210, 73),
        ], ignoreOrder: true);
        (await Traffic.GetPathHistoryAsync(tenant.Id, repo.Id, new DateRange(march10, march10))).Select(p => (p.Path, p.Title, p.Views, p.UniqueViews)).ShouldBe(
            [("/octo-org/app", "GitHub - octo-org/app: The app", 366, 100), ("/octo-org/app/blob/main/README.md", "app/README.md at main · octo-org/app", 47, 20)],
            ignoreOrder: true);
        var docs = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "docs"))!;
        (await DaysAsync(tenant, docs.Id, new DateOnly(2020, 1, 1))).ShouldBe([TrafficPoint.ForDay(March1, DayCoverage.Partial, 7, 3, 1, 1)]);
    }

    [Fact]
    public async Task Repohistory_BringsDaysWithTraffic_LeavesItsFilledZerosOut_MergesTwoExports_AndAsksOnlyForAnAmbiguousName()
    {
        var tenant = await NewTenantAsync();
        var request = Request(ImportSource.RepohistoryCsv, "Repohistory", tenant);

        var unnamed = await Importer.ImportAsync(request with { DryRun = true });
        unnamed.Repositories.Single(r => r.SourceKeys.SequenceEqual(["octo-org-docs-data-csv.zip"])).Rejections.Single().Reason.ShouldStartWith(
            "the archive's name reads as octo/org-docs or octo-org/docs; give it with --repository octo-org-docs-data-csv.zip=owner/name");

        var report = await Importer.ImportAsync(request with { RepositoryNames = new Dictionary<string, string> { ["octo-org-docs-data-csv.zip"] = "octo-org/docs" } });

        var app = report.Repositories.Single(r => r.FullName == "octocat/app");
        app.SourceKeys.ShouldBe(["octocat-app-data-csv (1).zip", "octocat-app-data-csv.zip"]);
        (app.DaysNew, app.SnapshotsNew).ShouldBe((5, 0));
        app.Rejections.Select(r => $"{r.Where}: {r.Reason}").ShouldBe(
        [
            "octocat-app-data-csv.zip/views.csv:5: uniques above totals on 2021-03-04 (views 5, unique visitors 9)",
            "octocat-app-data-csv.zip/views.csv:7: bad count on 2021-03-06",
        ]);
        report.Notes.ShouldContain("6 days without views or clones left out: repohistory's export writes 0 for every day it holds nothing for, not as zeros.");
        report.Notes.ShouldContain(n => n.StartsWith("referrers.csv and popular-content.csv are not imported", StringComparison.Ordinal));

        var repo = (await Repositories.FindByNameAsync(tenant.Id, "octocat", "app"))!;
        (await DaysAsync(tenant, repo.Id)).ShouldBe(
        [
            TrafficPoint.ForDay(March1, DayCoverage.Partial, 10, 4, 2, 1),
            TrafficPoint.ForDay(new DateOnly(2021, 3, 2), DayCoverage.Partial, 0, 0, 1, 1),
            TrafficPoint.ForDay(new DateOnly(2021, 3, 3), DayCoverage.Partial, 8, 3, 0, 0),
            TrafficPoint.ForDay(new DateOnly(2021, 3, 7), DayCoverage.Partial, 5, 2, 0, 0),
            TrafficPoint.ForDay(new DateOnly(2021, 3, 8), DayCoverage.Partial, 4, 2, 0, 0),
        ]);
        (await Traffic.GetReferrerHistoryAsync(tenant.Id, repo.Id, new DateRange(March1, new DateOnly(2021, 3, 20)))).ShouldBeEmpty();
        var docs = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "docs"))!;
        (await DaysAsync(tenant, docs.Id)).ShouldBe([TrafficPoint.ForDay(March1, DayCoverage.Partial, 7, 3, 1, 1)]);
    }

    [Fact]
    public async Task GhstatsSqlite_ACopyTakenWhileGhstatsRuns_IsReadWithItsWalFile_WhichStaysAsItWas()
    {
        var tenant = await NewTenantAsync();
        var running = SourceFixtures.GhstatsDatabase(Scratch());
        var copy = Path.Combine(Scratch(), "ghstats.db");
        using (var ghstats = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = running, Pooling = false }.ToString()))
        {
            // ghstats has just written a day that is still only in its WAL file when the copy is taken.
            ghstats.Open();
            using var write = ghstats.CreateCommand();
            write.CommandText = "PRAGMA wal_autocheckpoint = 0; INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1002, '2021-03-02T00:00:00Z', 9, 4);";
            write.ExecuteNonQuery();
            File.Copy(running, copy);
            File.Copy(running + "-wal", copy + "-wal");
        }

        var wal = SHA256.HashData(await File.ReadAllBytesAsync(copy + "-wal"));
        var report = await Importer.ImportAsync(Request(ImportSource.GhstatsSqlite, "Ghstats", tenant) with { Path = copy });

        report.Repositories.Single(r => r.FullName == "octo-org/docs").DaysNew.ShouldBe(2);
        SHA256.HashData(await File.ReadAllBytesAsync(copy + "-wal")).ShouldBe(wal);
        var docs = (await Repositories.FindByNameAsync(tenant.Id, "octo-org", "docs"))!;
        (await DaysAsync(tenant, docs.Id)).ShouldBe(
            [TrafficPoint.ForDay(March1, DayCoverage.Partial, 7, 3, 1, 1), TrafficPoint.ForDay(new DateOnly(2021, 3, 2), DayCoverage.Partial, 9, 4, 0, 0)]);
    }

    [Fact]
    public async Task GhstatsSqlite_NeverLowersWhatGhStatsCollected()
    {
        var tenant = await NewTenantAsync();
        var repo = await Repositories.AddAsync(tenant.Id, "octo-org", "app");
        var collected = new TrafficDay(repo.Id, new DateOnly(2021, 3, 11), 9, 4, 1, 1);
        await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repo.Id, new DateOnly(2021, 3, 20), [collected]));

        var report = await Importer.ImportAsync(Request(ImportSource.GhstatsSqlite, "Ghstats", tenant));

        var app = report.Repositories.Single(r => r.FullName == "octo-org/app");
        (app.Outcome, app.DaysLower).ShouldBe((RepositoryImportOutcome.Existing, 1));
        (await DaysAsync(tenant, repo.Id, collected.Day, collected.Day)).ShouldBe([TrafficPoint.ForDay(collected.Day, DayCoverage.Complete, 9, 4, 1, 1)]);
    }

    public static TheoryData<string, string> HostileGhstatsFiles => new()
    {
        { "text", "not a ghstats database SQLite can read" },
        { "truncated", "ghstats.db:" },
        { "DROP TABLE repo_stats;", "no table repo_stats; this is not a ghstats database" },
    };

    [Theory]
    [MemberData(nameof(HostileGhstatsFiles))]
    public async Task GhstatsSqlite_AFileThatIsNotAWholeGhstatsDatabase_StopsTheImport_AndWritesNothing(string damage, string message)
    {
        var tenant = await NewTenantAsync();
        var directory = Scratch();
        var path = damage.StartsWith("DROP", StringComparison.Ordinal) ? SourceFixtures.GhstatsDatabase(directory, damage) : SourceFixtures.GhstatsDatabase(directory);
        if (damage == "text")
        {
            await File.WriteAllTextAsync(path, "id,name\n1000,octo-org/app\n");
        }
        else if (damage == "truncated")
        {
            var bytes = await File.ReadAllBytesAsync(path);
            await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        }

        var failure = await Should.ThrowAsync<ImportFormatException>(() => Importer.ImportAsync(Request(ImportSource.GhstatsSqlite, "Ghstats", tenant) with { Path = path }));

        failure.Message.ShouldContain(message);
        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GhstatsSqlite_HostileRows_AreRejectedWithTheirReasons_AndEnormousTextIsNeverHeld()
    {
        var tenant = await NewTenantAsync();
        var path = SourceFixtures.GhstatsDatabase(Scratch(), """
            UPDATE repos SET name = 'octo-org/' || printf('%.*c', 1000000, 'a') WHERE id = 1002;
            INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES ('abc', '2021-03-02T00:00:00Z', 1, 1);
            INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1000, '2021-03-13T00:00:00Z', -4, 0);
            INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1000, '2021-03-14T00:00:00Z', 'many', 0);
            """);

        var report = await Importer.ImportAsync(Request(ImportSource.GhstatsSqlite, "Ghstats", tenant) with { Path = path });

        var docs = report.Repositories.Single(r => r.SourceKeys.SequenceEqual(["1002"]));
        docs.Outcome.ShouldBe(RepositoryImportOutcome.Rejected);
        docs.Rejections.Single().Reason.ShouldStartWith("invalid repository name 'octo-org/aaaa");
        docs.Rejections.Single().Reason.Length.ShouldBeLessThan(400);
        report.Rejections.ShouldBe([new ImportRejection("repo_id 'abc'", "not a repository id; its rows are left out")]);
        var app = report.Repositories.Single(r => r.FullName == "octo-org/app");
        app.Rejections.Select(r => r.Reason).ShouldContain("bad count '-4'");
        app.Rejections.Select(r => r.Reason).ShouldContain("bad count 'many'");
        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).Select(r => r.FullName).ShouldBe(["octo-org/app"]);
    }

    public static TheoryData<string, string> HostileArchives => new()
    {
        { "truncated", "octocat-app-data-csv.zip: not a whole zip archive" },
        { "bomb", "views.csv: unpacks to" },
        { "latin1", "octocat-app-data-csv.zip/views.csv:2: the bytes are not UTF-8" },
        { "header", "views.csv:1: repohistory writes the header Date,Total Views,Unique Views" },
        { "short", "octocat-app-data-csv.zip/clones.csv:3: 2 fields where the header has 3" },
    };

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task Repohistory_AnArchiveThatIsNotWhole_StopsTheImport_AndWritesNothing(string damage, string message)
    {
        var tenant = await NewTenantAsync();
        var directory = Scratch();
        var clones = "Date,Total Clones,Unique Clones\n2021-03-01,2,1"u8.ToArray();
        var views = damage switch
        {
            "bomb" => [.. "Date,Total Views,Unique Views\n"u8, .. new byte[65 * 1024 * 1024]],
            "latin1" => Encoding.Latin1.GetBytes("Date,Total Views,Unique Views\n2021-03-01,10,4,caf\u00e9"),
            "header" => "Date,Views\n2021-03-01,10"u8.ToArray(),
            _ => "Date,Total Views,Unique Views\n2021-03-01,10,4"u8.ToArray(),
        };
        if (damage == "short")
        {
            clones = "Date,Total Clones,Unique Clones\n2021-03-01,2,1\n2021-03-02,1"u8.ToArray();
        }

        var path = SourceFixtures.Archive(directory, "octocat-app-data-csv.zip", ("views.csv", views), ("clones.csv", clones));
        if (damage == "truncated")
        {
            var bytes = await File.ReadAllBytesAsync(path);
            await File.WriteAllBytesAsync(path, bytes[..(bytes.Length - 30)]);
        }

        var failure = await Should.ThrowAsync<ImportFormatException>(() => Importer.ImportAsync(Request(ImportSource.RepohistoryCsv, "Repohistory", tenant) with { Path = path }));

        failure.Message.ShouldContain(message);
        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Repohistory_AnEntryWithAPathOutOfTheArchive_IsNeverUnpacked_OnlyNamedInTheNotes()
    {
        var tenant = await NewTenantAsync();
        var directory = Scratch();
        var path = SourceFixtures.Archive(
            Directory.CreateDirectory(Path.Combine(directory, "in")).FullName,
            "octocat-app-data-csv.zip",
            ("views.csv", "Date,Total Views,Unique Views\n2021-03-01,10,4"u8.ToArray()),
            ("../evil.csv", "owned"u8.ToArray()));

        var report = await Importer.ImportAsync(Request(ImportSource.RepohistoryCsv, "Repohistory", tenant) with { Path = path });

        report.Repositories.Single().DaysNew.ShouldBe(1);
        report.Notes.ShouldContain("octocat-app-data-csv.zip: not repohistory's, not read: ../evil.csv.");
        File.Exists(Path.Combine(directory, "evil.csv")).ShouldBeFalse();
    }
}
