using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GhStats.Domain;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests.Archive;

/// <summary>
/// Export and restore on real databases: a year of a tenant's data from SQLite into PostgreSQL and back, the same rows
/// and checksums each way; no secret in any archive; a dry run that reports what the restore then does; a second
/// restore that changes nothing; and hostile archives refused before anything is written.
/// </summary>
public sealed class ArchiveTests : IClassFixture<SqliteDatabaseFixture>, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    /// <summary>A token as a connection keeps it (the store holds whatever the protector gave it): it must never reach an archive.</summary>
    private const string Secret = "protected:ghp_S3cretTokenThatMustNeverLeave";

    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly AuditActor Operator = AuditActor.System("archive tests");

    private readonly ServiceProvider sqlite;
    private readonly ServiceProvider postgres;
    private readonly string folder = Directory.CreateTempSubdirectory("ghstats-archive-tests-").FullName;

    public ArchiveTests(SqliteDatabaseFixture sqliteDatabase, PostgresDatabaseFixture postgresDatabase)
    {
        ArgumentNullException.ThrowIfNull(sqliteDatabase);
        ArgumentNullException.ThrowIfNull(postgresDatabase);
        sqlite = sqliteDatabase.BuildServices(new FakeTimeProvider(Now), s => s.AddGhStats().AddTransfer());
        postgres = postgresDatabase.BuildServices(new FakeTimeProvider(Now), s => s.AddGhStats().AddTransfer());
    }

    public static TheoryData<string, string> HostileArchives => new()
    {
        { "truncated", "not a zip archive, or it is truncated" },
        { "not-utf8", "not UTF-8" },
        { "enormous-line", "longer than 65536 characters" },
        { "enormous-field", "tenants.jsonl:1: name empty or too long" },
        { "zip-bomb", "zip bomb" },
        { "lying-header", "traffic_days.jsonl:1: the last line has no line end; the entry is cut short" },
        { "dot-dot-path", "leaves the archive or is absolute" },
        { "absolute-path", "leaves the archive or is absolute" },
        { "unknown-entry", "'users.jsonl' is not a table GhStats knows" },
        { "unknown-table", "unknown table 'users'" },
        { "checksum-mismatch", "repositories.jsonl: checksum mismatch" },
        { "row-count-mismatch", "holds 1 rows; the manifest says 5" },
        { "newer-format", "format version 2" },
        { "no-manifest", "has no manifest.json" },
        { "unknown-repository", "traffic_days.jsonl:1: unknown repository" },
        { "out-of-order", "rows out of order or repeated" },
        { "missing-field", "not a tenants row" },
        { "week-not-monday", "traffic_weeks.jsonl:1: week 2026-06-02 does not start on a Monday" },
        { "week-uniques-above-totals", "traffic_weeks.jsonl:1: uniques above totals" },
        { "star-day-unknown-repository", "star_history.jsonl:1: unknown repository" },
        { "star-day-after-today", "star_history.jsonl:1: bad date 2026-07-01" },
        { "backfill-not-started", "star_backfills.jsonl:1: a stored backfill is in progress" },
        { "backfill-twice", "star_backfills.jsonl:4: rows out of order or repeated" },
        { "release-enormous-tag", "releases.jsonl:1: tag empty, too long or holding control characters" },
        { "release-twice", "releases.jsonl:2: release listed twice for its repository" },
        { "asset-negative-count", "release_asset_snapshots.jsonl:1: negative count" },
        { "asset-control-character-name", "release_asset_snapshots.jsonl:1: name empty, too long or holding control characters" },
        { "release-read-unknown-field", "not a release_reads row" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await sqlite.DisposeAsync();
        await postgres.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task RoundTrip_AYearFromSqliteIntoPostgresAndBack_HoldsTheSameRowsAndChecksums_WithoutSecrets()
    {
        var slug = "rt-" + Unique();
        await SeedYearAsync(sqlite, slug);

        var first = await ExportAsync(sqlite, slug);

        ArchiveFiles.AllText(first.Bytes).ShouldNotContain("ghp_");
        first.Manifest.SchemaVersion.ShouldBeGreaterThan(0);
        first.Manifest.ExportedAt.ShouldBe(Now);
        Rows(first, ArchiveTables.TrafficDays).ShouldBe(3 * 365 - DaysSkipped());
        Rows(first, ArchiveTables.ReferrerSnapshots).ShouldBeGreaterThan(100);
        Rows(first, ArchiveTables.PathSnapshots).ShouldBeGreaterThan(50);
        Rows(first, ArchiveTables.RepositoryStats).ShouldBeGreaterThan(300);
        (Rows(first, ArchiveTables.Tenants), Rows(first, ArchiveTables.Connections), Rows(first, ArchiveTables.Repositories)).ShouldBe((1, 2, 3));
        (Rows(first, ArchiveTables.TrackedOwners), Rows(first, ArchiveTables.Annotations), Rows(first, ArchiveTables.PublicDashboards)).ShouldBe((1, 2, 1));
        Rows(first, ArchiveTables.TrafficWeeks).ShouldBe(3 * 53);
        (Rows(first, ArchiveTables.StarHistory), Rows(first, ArchiveTables.StarBackfills), Rows(first, ArchiveTables.Releases)).ShouldBe((9, 3, 6));
        Rows(first, ArchiveTables.ReleaseReads).ShouldBe(3 * 122);
        Rows(first, ArchiveTables.ReleaseAssetSnapshots).ShouldBe(3 * ((122 * 2) + 81));

        var restored = await RestoreAsync(postgres, first.Path);

        restored.Tenants.Single().Created.ShouldBeTrue();
        restored.Tenants.Single().Repositories.Sum(r => r.DaysNew).ShouldBe((int)Rows(first, ArchiveTables.TrafficDays));
        var counts = restored.Tenants.Single();
        (counts.WeeksWritten, counts.StarDaysWritten, counts.StarBackfillsNew, counts.ReleasesWritten, counts.AssetSnapshotsWritten, counts.ReleaseReadDaysWritten)
            .ShouldBe((3 * 53, 9, 3, 6, 3 * ((122 * 2) + 81), 3 * 122));
        await ShouldHoldTheSameHistoryAsync(sqlite, postgres, slug);
        var second = await ExportAsync(postgres, slug);
        Tables(second).ShouldBe(Tables(first));
        Contents(second).ShouldBe(Contents(first));

        // And back: into the SQLite tenant it came from, nothing changes and the archive is still the same.
        var back = await RestoreAsync(sqlite, second.Path);
        Changes(back).ShouldBe(0);
        Tables(await ExportAsync(sqlite, slug)).ShouldBe(Tables(first));
    }

    [Fact]
    public async Task Restore_ConnectionsComeBackWithoutTheirSecret_MarkedAsNeedingAToken()
    {
        var slug = "sec-" + Unique();
        await SeedYearAsync(sqlite, slug, days: 20);
        var archive = await ExportAsync(sqlite, slug);

        var report = await RestoreAsync(postgres, archive.Path);

        report.Tenants.Single().ConnectionsNew.ShouldBe(2);
        report.Notes.ShouldContain(n => n.Contains("2 GitHub connections came back without their secrets", StringComparison.Ordinal));
        var tenant = (await postgres.GetRequiredService<ITenantStore>().FindBySlugAsync(slug))!;
        var restored = await postgres.GetRequiredService<IConnectionStore>().ListAsync(tenant.Id);
        restored.Select(c => (c.Name, c.Kind, c.ApiBaseUrl, c.AppId, c.InstallationId)).ShouldBe(
        [
            ("main token", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", (long?)null, (long?)null),
            ("the app", GitHubConnectionKind.App, "https://ghe.example.com/api/v3", 12, 34),
        ]);
        restored.ShouldAllBe(c => c.ProtectedSecret == ArchiveRestorer.NeedsTokenSecret);
        var repository = (await postgres.GetRequiredService<IRepositoryStore>().FindByNameAsync(tenant.Id, "octo-org", "one"))!;
        repository.ConnectionId.ShouldBe(restored[0].Id);
        repository.BadgesEnabled.ShouldBeTrue();
        var owner = (await postgres.GetRequiredService<ITrackedOwnerStore>().ListAsync(tenant.Id)).Single();
        (owner.Owner, owner.ConnectionId, owner.Include, owner.Exclude, owner.SkipForks, owner.SkipArchived).ShouldBe(("octo-org", (long?)restored[0].Id, "app-*,lib?", "app-old", false, true));
        (await postgres.GetRequiredService<IRepositoryStore>().FindByNameAsync(tenant.Id, "legacy", "old"))!.IsActive.ShouldBeFalse();
        var audited = await postgres.GetRequiredService<IAuditStore>().ListAsync(new AuditQuery(TenantId: tenant.Id), 200);
        audited.Select(a => a.Action).Order(StringComparer.Ordinal).ShouldBe(
        [
            "annotation.created", "annotation.created", "connection.created", "connection.created", "dashboard.created", "owner.tracked",
            "repository.tracked", "repository.tracked", "repository.tracked", "tenant.created", "traffic.imported", "traffic.imported", "traffic.imported",
        ]);
        audited.ShouldAllBe(a => a.Details!.Contains("restored from an archive"));
    }

    [Fact]
    public async Task DryRun_ReportsWhatTheRestoreThenDoes_AndWritesNothing_AndASecondRestoreChangesNothing()
    {
        var slug = "dry-" + Unique();
        await SeedYearAsync(sqlite, slug, days: 60);
        var archive = await ExportAsync(sqlite, slug);

        var dry = await RestoreAsync(postgres, archive.Path, dryRun: true);

        (await postgres.GetRequiredService<ITenantStore>().FindBySlugAsync(slug)).ShouldBeNull();
        dry.DryRun.ShouldBeTrue();
        var progress = new List<TransferJobProgress>();
        var real = await postgres.GetRequiredService<ArchiveRestorer>().RestoreAsync(new RestoreRequest(archive.Path, Operator) { Progress = new Recorded(progress) });

        // Every row of the archive counts, those of the weekly figures, star history and release tables too.
        progress[^1].ShouldBe(new TransferJobProgress("restoring rows", archive.Manifest.Tables.Sum(t => t.Rows), archive.Manifest.Tables.Sum(t => t.Rows)));
        archive.Manifest.Tables.Where(t => t.Name is ArchiveTables.TrafficWeeks or ArchiveTables.ReleaseAssetSnapshots).ShouldAllBe(t => t.Rows > 0);
        Text(dry).ShouldBe(Text(real));
        Changes(real).ShouldBeGreaterThan(0);

        var dryAgain = await RestoreAsync(postgres, archive.Path, dryRun: true);
        var again = await RestoreAsync(postgres, archive.Path);
        Text(dryAgain).ShouldBe(Text(again));
        Changes(again).ShouldBe(0);
        again.Tenants.Single().Created.ShouldBeFalse();
        again.Tenants.Single().Repositories.ShouldAllBe(r => r.Outcome == RepositoryImportOutcome.Existing && r.DaysUnchanged > 0);
        Tables(await ExportAsync(postgres, slug)).ShouldBe(Tables(archive));
    }

    [Fact]
    public async Task Restore_OverHigherDays_KeepsThem_AndCountsTheArchiveLower()
    {
        var slug = "max-" + Unique();
        var seeded = await SeedYearAsync(sqlite, slug, days: 30);
        var archive = await ExportAsync(sqlite, slug);
        var traffic = sqlite.GetRequiredService<ITrafficStore>();
        var day = Today.AddDays(-3);
        await traffic.MergeImportedHistoryAsync(new ImportedHistory(seeded.One.Id, [new CoveredTrafficDay(new TrafficDay(seeded.One.Id, day, 5000, 4000, 300, 200), DayCoverage.Complete)], [], []));

        var report = await RestoreAsync(sqlite, archive.Path);

        var one = report.Tenants.Single().Repositories.Single(r => r.FullName == "octo-org/one");
        (one.DaysNew, one.DaysRaised, one.DaysLower).ShouldBe((0, 0, 1));
        var point = (await traffic.GetTrafficSeriesAsync(seeded.Tenant.Id, seeded.One.Id, new DateRange(day, day), TrafficPeriod.Day)).Points.Single();
        (point.Views, point.UniqueViews, point.Clones, point.UniqueClones).ShouldBe((5000L, (long?)4000, 300L, (long?)200));
    }

    [Fact]
    public async Task Restore_OverStoredHistory_KeepsWhatIsStored_AndTakesOnlyWhatTheArchiveHasHigher()
    {
        var slug = "hist-" + Unique();
        var seeded = await SeedYearAsync(sqlite, slug, days: 30);
        var archive = await ExportAsync(sqlite, slug);
        var week = JsonNode.Parse(FirstLine(archive.Bytes, "traffic_weeks.jsonl"))!;
        var release = JsonNode.Parse(FirstLine(archive.Bytes, "releases.jsonl"))!;
        var path = Path.Combine(folder, "higher.zip");
        await File.WriteAllBytesAsync(path, ArchiveFiles.Rewrite(archive.Bytes, e =>
        {
            EditFirstLine(e, "traffic_weeks.jsonl", w => w["views"] = w["views"]!.GetValue<int>() + 1000);
            EditFirstLine(e, "releases.jsonl", r => (r["name"], r["tag"], r["lastSeenOn"]) = ("Renamed in the archive", "v9", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            EditFirstLine(e, "star_backfills.jsonl", b => (b["state"], b["limitReason"]) = ("complete", null));
            EditFirstLine(e, "star_history.jsonl", d => d["stars"] = 0);
            EditFirstLine(e, "release_asset_snapshots.jsonl", a => (a["downloads"], a["name"]) = (0, "lower.zip"));
            EditFirstLine(e, "release_reads.jsonl", r => r["releases"] = 0);
        }));

        var dry = await RestoreAsync(sqlite, path, dryRun: true);
        var report = await RestoreAsync(sqlite, path);

        Text(dry).ShouldBe(Text(report));
        var counts = report.Tenants.Single();
        (counts.WeeksWritten, counts.ReleasesWritten, counts.StarDaysWritten, counts.StarBackfillsNew, counts.AssetSnapshotsWritten, counts.ReleaseReadDaysWritten).ShouldBe((1, 1, 0, 0, 0, 0));
        Changes(report).ShouldBe(2);
        // Key 1 is the first repository by owner and name: legacy/old, whose backfill GitHub limited.
        var first = (await sqlite.GetRequiredService<IRepositoryStore>().FindByNameAsync(seeded.Tenant.Id, "legacy", "old"))!;
        var weekStart = DateOnly.Parse(week["weekStart"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        (await sqlite.GetRequiredService<ITrafficStore>().GetTrafficWeeksAsync(seeded.Tenant.Id, first.Id, new DateRange(weekStart, weekStart)))
            .Single().Views.ShouldBe(week["views"]!.GetValue<int>() + 1000);
        var kept = (await sqlite.GetRequiredService<IReleaseStore>().GetStoredReleasesAsync(seeded.Tenant.Id, first.Id, new DateRange(Today.AddDays(-400), Today)))
            .Single(r => r.Release.GitHubReleaseId == release["release"]!.GetValue<long>());
        (kept.Release.Tag, kept.Release.Name, kept.LastSeenOn).ShouldBe((release["tag"]!.GetValue<string>(), release["name"]!.GetValue<string>(), Today));
        (await sqlite.GetRequiredService<IStarHistoryStore>().GetBackfillAsync(first.Id))!.State.ShouldBe(StarBackfillState.Limited);
        var stored = await ExportAsync(sqlite, slug);
        FirstLine(stored.Bytes, "star_history.jsonl").ShouldBe(FirstLine(archive.Bytes, "star_history.jsonl"));
        FirstLine(stored.Bytes, "release_asset_snapshots.jsonl").ShouldBe(FirstLine(archive.Bytes, "release_asset_snapshots.jsonl"));
        FirstLine(stored.Bytes, "release_reads.jsonl").ShouldBe(FirstLine(archive.Bytes, "release_reads.jsonl"));
        Changes(await RestoreAsync(sqlite, path)).ShouldBe(0);
        Tables(await ExportAsync(sqlite, slug)).ShouldNotBe(Tables(archive));
    }

    [Fact]
    public async Task Restore_OfAnArchiveWithoutWeeksStarsOrReleases_StillRestores_AsFormatVersionOne()
    {
        var slug = "v1-" + Unique();
        await SeedYearAsync(sqlite, slug, days: 10);
        var archive = await ExportAsync(sqlite, slug);
        string[] added = [ArchiveTables.TrafficWeeks, ArchiveTables.StarHistory, ArchiveTables.StarBackfills, ArchiveTables.Releases, ArchiveTables.ReleaseAssetSnapshots, ArchiveTables.ReleaseReads];
        var path = Path.Combine(folder, "older.zip");
        await File.WriteAllBytesAsync(path, ArchiveFiles.Rewrite(archive.Bytes, e =>
        {
            foreach (var table in added)
            {
                e.Remove(ArchiveTables.FileOf(table));
            }

            ArchiveFiles.SetManifest(e, m =>
            {
                var tables = m["tables"]!.AsArray();
                foreach (var listed in tables.Where(t => added.Contains(t!["name"]!.GetValue<string>())).ToList())
                {
                    tables.Remove(listed);
                }
            });
        }));

        var report = await RestoreAsync(postgres, path);

        report.Manifest.FormatVersion.ShouldBe(1);
        report.Manifest.Tables.Count.ShouldBe(10);
        var restored = report.Tenants.Single();
        restored.Created.ShouldBeTrue();
        restored.Repositories.Sum(r => r.DaysNew).ShouldBe((int)Rows(archive, ArchiveTables.TrafficDays));
        (restored.WeeksWritten, restored.StarDaysWritten, restored.StarBackfillsNew, restored.ReleasesWritten, restored.AssetSnapshotsWritten, restored.ReleaseReadDaysWritten).ShouldBe((0, 0, 0, 0, 0, 0));
        var again = await ExportAsync(postgres, slug);
        Rows(again, ArchiveTables.TrafficDays).ShouldBe(Rows(archive, ArchiveTables.TrafficDays));
        Rows(again, ArchiveTables.Releases).ShouldBe(0);
    }

    [Fact]
    public async Task Installation_ExportsEveryTenant_AndRestoresThemAll_ThenNothingChanges()
    {
        var first = "all-a-" + Unique();
        var second = "all-b-" + Unique();
        await SeedYearAsync(sqlite, first, days: 10);
        await SeedYearAsync(sqlite, second, days: 10);
        var tenants = await sqlite.GetRequiredService<ITenantStore>().ListAsync();
        using var output = new MemoryStream();

        var manifest = await sqlite.GetRequiredService<ArchiveExporter>().ExportAsync(null, output);

        manifest.Scope.ShouldBe("installation");
        manifest.Tables.Single(t => t.Name == ArchiveTables.Tenants).Rows.ShouldBe(tenants.Count);
        var path = Path.Combine(folder, "installation.zip");
        await File.WriteAllBytesAsync(path, output.ToArray());
        var restored = await RestoreAsync(postgres, path);
        restored.Tenants.Select(t => t.Slug).ShouldBe(tenants.Select(t => t.Slug).Order(StringComparer.Ordinal));
        restored.Tenants.Single(t => t.Slug == second).Repositories.Select(r => r.FullName).ShouldBe(["legacy/old", "octo-org/one", "octo-org/Two"]);
        foreach (var slug in new[] { first, second })
        {
            Tables(await ExportAsync(postgres, slug)).ShouldBe(Tables(await ExportAsync(sqlite, slug)));
        }

        Changes(await RestoreAsync(postgres, path)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task Restore_OfAHostileArchive_FailsClearly_AndWritesNothing(string hostile, string message)
    {
        var slug = "bad-" + Unique();
        var seeded = await SeedYearAsync(sqlite, slug, days: 5);
        var good = await ExportAsync(sqlite, slug);
        await sqlite.GetRequiredService<ITenantStore>().DeleteAsync(seeded.Tenant.Id);
        var path = Path.Combine(folder, hostile + ".zip");
        await File.WriteAllBytesAsync(path, Hostile(hostile, good.Bytes));

        var failure = await Should.ThrowAsync<ArchiveFormatException>(() => RestoreAsync(sqlite, path));

        failure.Message.ShouldContain(message);
        (await sqlite.GetRequiredService<ITenantStore>().FindBySlugAsync(slug)).ShouldBeNull();
    }

    [Theory]
    [InlineData("entry", "unpacks past 100 bytes")]
    [InlineData("total", "past 2000 unpacked bytes")]
    public async Task Restore_StopsAnArchiveThatUnpacksPastItsLimits(string limit, string message)
    {
        var slug = "big-" + Unique();
        var seeded = await SeedYearAsync(sqlite, slug, days: 40);
        var archive = await ExportAsync(sqlite, slug);
        await sqlite.GetRequiredService<ITenantStore>().DeleteAsync(seeded.Tenant.Id);
        var restorer = sqlite.GetRequiredService<ArchiveRestorer>();
        restorer.Limits = limit == "entry" ? new ArchiveLimits { MaxEntryBytes = 100 } : new ArchiveLimits { MaxTotalBytes = 2000 };

        var failure = await Should.ThrowAsync<ArchiveFormatException>(() => restorer.RestoreAsync(new RestoreRequest(archive.Path, Operator)));

        failure.Message.ShouldContain(message);
        (await sqlite.GetRequiredService<ITenantStore>().FindBySlugAsync(slug)).ShouldBeNull();
    }

    private static byte[] Hostile(string hostile, byte[] good) => hostile switch
    {
        "truncated" => good[..(good.Length / 2)],
        "not-utf8" => ArchiveFiles.Rewrite(good, e => e["tenants.jsonl"] = [.. "{\"key\":1,\"slug\":\"x\",\"name\":\"Caf"u8, 0xE9, .. "\"}\n"u8]),
        "enormous-line" => ArchiveFiles.Rewrite(good, e => e["tenants.jsonl"] = Encoding.UTF8.GetBytes($"{{\"key\":1,\"slug\":\"x\",\"name\":\"{new string('x', 100_000)}\"}}\n")),
        "enormous-field" => ArchiveFiles.Rewrite(good, e => e["tenants.jsonl"] = Encoding.UTF8.GetBytes($"{{\"key\":1,\"slug\":\"x\",\"name\":\"{new string('x', 5000)}\"}}\n")),
        "zip-bomb" => ArchiveFiles.Rewrite(good, e => e["traffic_days.jsonl"] = new byte[64 << 20], sealManifest: false),
        "lying-header" => ArchiveFiles.DeclareSize(good, "traffic_days.jsonl", 10),
        "dot-dot-path" => ArchiveFiles.Rewrite(good, e => e["../evil.jsonl"] = "{}\n"u8.ToArray()),
        "absolute-path" => ArchiveFiles.Rewrite(good, e => e["/etc/cron.d/evil"] = "{}\n"u8.ToArray()),
        "unknown-entry" => ArchiveFiles.Rewrite(good, e => e["users.jsonl"] = "{}\n"u8.ToArray()),
        "unknown-table" => ArchiveFiles.Rewrite(good, e => ArchiveFiles.SetManifest(e, m => m["tables"]![0]!["name"] = "users"), sealManifest: false),
        "checksum-mismatch" => ArchiveFiles.Rewrite(good, e => e["repositories.jsonl"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e["repositories.jsonl"]).Replace("legacy", "lEgacy", StringComparison.Ordinal)), sealManifest: false),
        "row-count-mismatch" => ArchiveFiles.Rewrite(good, e => ArchiveFiles.SetManifest(e, m => m["tables"]![0]!["rows"] = 5), sealManifest: false),
        "newer-format" => ArchiveFiles.Rewrite(good, e => ArchiveFiles.SetManifest(e, m => (m["formatVersion"], m["fieldOfTheFuture"]) = (2, "x")), sealManifest: false),
        "no-manifest" => ArchiveFiles.Rewrite(good, e => e.Remove("manifest.json")),
        "unknown-repository" => ArchiveFiles.Rewrite(good, e => e["traffic_days.jsonl"] = "{\"repository\":99,\"day\":\"2026-06-01\",\"views\":1,\"uniqueViews\":1,\"clones\":0,\"uniqueClones\":0,\"coverage\":\"complete\"}\n"u8.ToArray()),
        "out-of-order" => ArchiveFiles.Rewrite(good, e => e["traffic_days.jsonl"] = [.. e["traffic_days.jsonl"], .. e["traffic_days.jsonl"]]),
        "missing-field" => ArchiveFiles.Rewrite(good, e => e["tenants.jsonl"] = "{\"key\":1,\"slug\":\"x\"}\n"u8.ToArray()),
        "week-not-monday" => Line(good, "traffic_weeks.jsonl", "{\"repository\":1,\"weekStart\":\"2026-06-02\",\"views\":5,\"uniqueViews\":2,\"clones\":1,\"uniqueClones\":1}"),
        "week-uniques-above-totals" => Line(good, "traffic_weeks.jsonl", "{\"repository\":1,\"weekStart\":\"2026-06-01\",\"views\":5,\"uniqueViews\":6,\"clones\":1,\"uniqueClones\":1}"),
        "star-day-unknown-repository" => Line(good, "star_history.jsonl", "{\"repository\":99,\"day\":\"2020-01-01\",\"stars\":5}"),
        "star-day-after-today" => Line(good, "star_history.jsonl", "{\"repository\":1,\"day\":\"2026-07-01\",\"stars\":5}"),
        "backfill-not-started" => Line(good, "star_backfills.jsonl", "{\"repository\":1,\"state\":\"notStarted\",\"nextPage\":0,\"starsRead\":0,\"firstStarOn\":null,\"knownThrough\":null,\"limitReason\":null}"),
        "backfill-twice" => ArchiveFiles.Rewrite(good, e => e["star_backfills.jsonl"] = [.. e["star_backfills.jsonl"], .. e["star_backfills.jsonl"]]),
        "release-enormous-tag" => Line(good, "releases.jsonl", $"{{\"repository\":1,\"release\":7,\"tag\":\"{new string('v', 300)}\",\"name\":\"x\",\"publishedOn\":\"2026-01-01\",\"prerelease\":false,\"lastSeenOn\":\"2026-06-01\"}}"),
        "release-twice" => Line(good, "releases.jsonl",
            "{\"repository\":1,\"release\":7,\"tag\":\"v1\",\"name\":\"x\",\"publishedOn\":\"2026-01-01\",\"prerelease\":false,\"lastSeenOn\":\"2026-06-01\"}\n"
            + "{\"repository\":1,\"release\":7,\"tag\":\"v1\",\"name\":\"x\",\"publishedOn\":\"2026-01-02\",\"prerelease\":false,\"lastSeenOn\":\"2026-06-01\"}"),
        "asset-negative-count" => Line(good, "release_asset_snapshots.jsonl", "{\"repository\":1,\"capturedOn\":\"2026-06-01\",\"asset\":70,\"release\":7,\"name\":\"a.zip\",\"createdOn\":\"2026-01-01\",\"downloads\":-1}"),
        "asset-control-character-name" => Line(good, "release_asset_snapshots.jsonl", "{\"repository\":1,\"capturedOn\":\"2026-06-01\",\"asset\":70,\"release\":7,\"name\":\"=cmd|' /C calc'!A0\\u0007\",\"createdOn\":\"2026-01-01\",\"downloads\":1}"),
        "release-read-unknown-field" => Line(good, "release_reads.jsonl", "{\"repository\":1,\"readOn\":\"2026-06-01\",\"releases\":1,\"path\":\"../../etc\"}"),
        _ => throw new ArgumentOutOfRangeException(nameof(hostile), hostile, null),
    };

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>Records each progress report as it is made (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Recorded(List<TransferJobProgress> reports) : IProgress<TransferJobProgress>
    {
        public void Report(TransferJobProgress value) => reports.Add(value);
    }

    private static string FirstLine(byte[] archive, string entry) => Encoding.UTF8.GetString(ArchiveFiles.Entries(archive)[entry]).Split('\n')[0];

    /// <summary>Changes the first row of an entry.</summary>
    private static void EditFirstLine(Dictionary<string, byte[]> entries, string entry, Action<JsonNode> change)
    {
        var lines = Encoding.UTF8.GetString(entries[entry]).Split('\n');
        var row = JsonNode.Parse(lines[0])!;
        change(row);
        lines[0] = row.ToJsonString();
        entries[entry] = Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>A copy of a good archive whose entry holds the given lines instead (the manifest sealed to match).</summary>
    private static byte[] Line(byte[] good, string entry, string lines) => ArchiveFiles.Rewrite(good, e => e[entry] = Encoding.UTF8.GetBytes(lines + "\n"));

    /// <summary>The days the seed leaves out (not collected) over a year of three repositories.</summary>
    private static int DaysSkipped() =>
        Enumerable.Range(0, 3).Sum(i => Enumerable.Range(0, 365).Count(d => Skipped(Today.AddDays(d - 365), i)));

    private static bool Skipped(DateOnly day, int repository) => (day.DayNumber + repository) % 11 == 0;

    /// <summary>A tenant with two connections, three repositories (one history only), days, snapshots, counters, notes and a dashboard.</summary>
    private static async Task<(Tenant Tenant, TrackedRepository One)> SeedYearAsync(ServiceProvider services, string slug, int days = 365)
    {
        var tenant = await services.GetRequiredService<ITenantStore>().CreateAsync(slug, $"Tenant {slug}");
        var connections = services.GetRequiredService<IConnectionStore>();
        var token = await connections.AddAsync(new NewGitHubConnection(tenant.Id, "main token", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", Secret));
        var app = await connections.AddAsync(new NewGitHubConnection(tenant.Id, "the app", GitHubConnectionKind.App, "https://ghe.example.com/api/v3", Secret, 12, 34));
        var repositories = services.GetRequiredService<IRepositoryStore>();
        var one = await repositories.AddAsync(tenant.Id, "octo-org", "one", token.Id);
        await repositories.SetBadgesAsync(tenant.Id, one.Id, enabled: true);
        TrackedRepository[] all = [one, await repositories.AddAsync(tenant.Id, "octo-org", "Two", app.Id), await repositories.AddAsync(tenant.Id, "legacy", "old")];
        var traffic = services.GetRequiredService<ITrafficStore>();
        for (var i = 0; i < all.Length; i++)
        {
            var id = all[i].Id;
            var span = Enumerable.Range(0, days).Select(d => Today.AddDays(d - days)).ToList();
            var covered = span.Where(d => !Skipped(d, i)).Select(d =>
            {
                var views = ((d.DayNumber * 7) + i) % 97;
                var clones = (d.DayNumber * 3) % 13;
                return new CoveredTrafficDay(new TrafficDay(id, d, views, views / 3, clones, clones / 2), d.DayNumber % 5 == 0 ? DayCoverage.Partial : DayCoverage.Complete);
            }).ToList();
            var mondays = span.Where(d => d.DayOfWeek == DayOfWeek.Monday).ToList();
            var referrers = mondays.SelectMany(d => new[] { "github.com", "google.com", "news.ycombinator.com" }.Select((r, k) => new ReferrerSnapshot(id, d, r, 40 - k + (d.DayNumber % 7), 10 - k))).ToList();
            var paths = mondays.Select(d => new PathSnapshot(id, d, $"/{all[i].FullName}", "Title «ünïcode» =1+1 \"quoted\"", 30 + (d.DayNumber % 9), 7)).ToList();
            await traffic.MergeImportedHistoryAsync(new ImportedHistory(id, covered, referrers, paths));
            await traffic.MergeRepositoryStatsAsync(span.Where(d => d.DayNumber % 3 == i).Select(d => new RepositoryDailyStats(id, d, 100 + (d.DayNumber % 50), 10, 5, 3, 2048)).ToList());
            await SeedHistoryAsync(services, id, i, span, mondays);
        }

        await repositories.RemoveAsync(tenant.Id, all[2].Id);
        await services.GetRequiredService<ITrackedOwnerStore>().AddAsync(new NewTrackedOwner(tenant.Id, "octo-org", token.Id, "app-*,lib?", "app-old", SkipForks: false));
        var notes = services.GetRequiredService<IAnnotationStore>();
        await notes.AddAsync(new NewAnnotation(tenant.Id, null, Today.AddDays(-2), "Launch week", null, "ann@example.com"));
        await notes.AddAsync(new NewAnnotation(tenant.Id, one.Id, Today.AddDays(-1), "Blog post", "https://blog.example.com/post", "ann@example.com"));
        await services.GetRequiredService<IPublicDashboardStore>().CreateAsync(tenant.Id, "d" + Unique(), new PublicDashboardSettings("Public " + slug, [one.Id, all[1].Id], ShowReferrers: true, FrameOrigins: ["https://a.example"]));
        return (tenant, one);
    }

    /// <summary>
    /// GitHub's weekly figures on each Monday, a star backfill (in progress, complete, limited: one per repository) and two
    /// releases read every third day, their assets' counts growing (one re-uploaded lower), a release deleted half way.
    /// </summary>
    private static async Task SeedHistoryAsync(ServiceProvider services, long id, int i, List<DateOnly> span, List<DateOnly> mondays)
    {
        await services.GetRequiredService<ITrafficStore>().MergeTrafficWeeksAsync(
            mondays.Select(m => new TrafficWeek(id, m, 200 + (m.DayNumber % 31) + i, 40 + (m.DayNumber % 7), 20 + i, 9)).ToList());

        var stars = services.GetRequiredService<IStarHistoryStore>();
        var first = new DateOnly(2019, 4, 2).AddDays(i * 40);
        await stars.StorePageAsync(new StarBackfillPage(id, 1, [new StarHistoryDay(id, first, 3), new StarHistoryDay(id, first.AddDays(9), 50 + i), new StarHistoryDay(id, first.AddDays(400), 100)], 100, HasNextPage: i != 1));
        if (i == 2)
        {
            await stars.MarkLimitedAsync(id, "GitHub answered 422: \"In order to keep the API fast for everyone, pagination is limited\"");
        }

        var releases = services.GetRequiredService<IReleaseStore>();
        var published = span[0].AddDays(-30);
        for (var k = 0; k < span.Count; k += 3)
        {
            var day = span[k];
            var grown = k + (i * 5);
            List<ReleaseReading> listed = [new ReleaseReading(1000 + i, "v1." + i, "First «release»", published, false, [new AssetReading(7000 + i, "app.zip", published, 50 + grown), new AssetReading(7100 + i, "app.tar.gz", published, k > span.Count / 2 ? 3 : 10 + grown)])];
            if (k < (span.Count * 2 / 3))
            {
                listed.Add(new ReleaseReading(2000 + i, "v2.0-rc", "", span[0], true, [new AssetReading(8000 + i, "rc.zip", span[0], grown * 2)]));
            }

            await releases.MergeReleaseReadAsync(new ReleaseRead(id, day, listed));
        }
    }

    /// <summary>What the product shows of a tenant's weekly figures, star history and release downloads is the same in both installations.</summary>
    private static async Task ShouldHoldTheSameHistoryAsync(ServiceProvider from, ServiceProvider to, string slug)
    {
        var range = new DateRange(Today.AddDays(-400), Today);
        var shown = new List<string>[2];
        foreach (var (services, side) in new[] { (from, 0), (to, 1) })
        {
            var tenant = (await services.GetRequiredService<ITenantStore>().FindBySlugAsync(slug))!;
            shown[side] = [];
            foreach (var repository in (await services.GetRequiredService<IRepositoryStore>().ListAsync(tenant.Id, includeRemoved: true)).OrderBy(r => r.FullName, StringComparer.Ordinal))
            {
                var weeks = await services.GetRequiredService<ITrafficStore>().GetTrafficSeriesAsync(tenant.Id, repository.Id, range, TrafficPeriod.Week);
                var stars = await services.GetRequiredService<IStarHistoryStore>().GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(new DateOnly(2019, 1, 1), Today));
                var downloads = await services.GetRequiredService<IReleaseStore>().GetDailyDownloadsAsync(tenant.Id, repository.Id, range);
                shown[side].Add(repository.FullName);
                shown[side].AddRange(weeks.Points.Select(p => $"{p.Date:yyyy-MM-dd} {p.Views} {p.UniqueViews} {p.Clones} {p.UniqueClones}"));
                shown[side].Add($"{stars.Backfill! with { RepositoryId = 0, UpdatedAt = default }}");
                shown[side].AddRange(stars.Days.Select(d => $"{d.Day:yyyy-MM-dd} {d.Stars}"));
                shown[side].AddRange(downloads.Days.Select(d => $"{d.Day:yyyy-MM-dd} {d.Downloads} {d.Days} {string.Join(",", d.Releases)}"));
                shown[side].AddRange(downloads.Releases.Select(r => $"{r.Release with { RepositoryId = 0 }} {r.TotalDownloads} {r.DownloadsInRange} {r.Listed}"));
                shown[side].Add($"{downloads.TotalDownloads} {downloads.DownloadsInRange} {downloads.ReadDays} {downloads.LastReadOn}");
            }
        }

        shown[1].ShouldBe(shown[0]);
        shown[0].Count.ShouldBeGreaterThan(1000);
    }

    private async Task<(byte[] Bytes, ArchiveManifest Manifest, string Path)> ExportAsync(ServiceProvider services, string slug)
    {
        using var output = new MemoryStream();
        var manifest = await services.GetRequiredService<ArchiveExporter>().ExportAsync(slug, output);
        var path = Path.Combine(folder, $"{Unique()}.zip");
        await File.WriteAllBytesAsync(path, output.ToArray());
        return (output.ToArray(), manifest, path);
    }

    private static Task<RestoreReport> RestoreAsync(ServiceProvider services, string path, bool dryRun = false) =>
        services.GetRequiredService<ArchiveRestorer>().RestoreAsync(new RestoreRequest(path, Operator) { DryRun = dryRun });

    private static long Rows((byte[] Bytes, ArchiveManifest Manifest, string Path) archive, string table) =>
        archive.Manifest.Tables.Single(t => t.Name == table).Rows;

    private static List<string> Tables((byte[] Bytes, ArchiveManifest Manifest, string Path) archive) =>
        archive.Manifest.Tables.Select(t => $"{t.Name} {t.File} {t.Rows} {t.Sha256}").ToList();

    /// <summary>Every table entry's text (the manifest aside, whose time and scope may differ).</summary>
    private static List<string> Contents((byte[] Bytes, ArchiveManifest Manifest, string Path) archive) =>
        ArchiveFiles.Entries(archive.Bytes).Where(e => e.Key != "manifest.json").OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}\n{Encoding.UTF8.GetString(e.Value)}").ToList();

    /// <summary>Everything a restore wrote or would write.</summary>
    private static int Changes(RestoreReport report) => report.Tenants.Sum(t =>
        (t.Created ? 1 : 0) + t.ConnectionsNew + t.OwnersNew + t.StatsDaysWritten + t.AnnotationsNew + t.DashboardsNew
        + t.WeeksWritten + t.StarDaysWritten + t.StarBackfillsNew + t.ReleasesWritten + t.AssetSnapshotsWritten + t.ReleaseReadDaysWritten
        + t.Repositories.Sum(r => (r.Outcome == RepositoryImportOutcome.Existing ? 0 : 1) + r.DaysNew + r.DaysRaised + r.SnapshotsNew));

    /// <summary>A report as text, without its dry-run flag and with its lists spelled out.</summary>
    private static string Text(RestoreReport report) => string.Join('\n',
        [
            .. report.Tenants.SelectMany(t => new[] { $"{t.Slug} created={t.Created} connections={t.ConnectionsNew} owners={t.OwnersNew} stats={t.StatsDaysWritten} notes={t.AnnotationsNew} dashboards={t.DashboardsNew} weeks={t.WeeksWritten} stars={t.StarDaysWritten} backfills={t.StarBackfillsNew} releases={t.ReleasesWritten} assets={t.AssetSnapshotsWritten} reads={t.ReleaseReadDaysWritten}" }
                .Concat(t.Repositories.Select(r => $"  {r.FullName} [{string.Join(",", r.SourceKeys)}] {r.Outcome} new={r.DaysNew} raised={r.DaysRaised} same={r.DaysUnchanged} lower={r.DaysLower} snapshots={r.SnapshotsNew}"))),
            .. report.Notes.Select(n => n.Replace("would come", "came", StringComparison.Ordinal)),
        ]);
}
