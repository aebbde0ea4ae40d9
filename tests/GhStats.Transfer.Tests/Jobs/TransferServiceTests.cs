using System.IO.Compression;
using GhStats.Domain;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using GhStats.Transfer.Jobs;
using GhStats.Transfer.Tests.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests.Jobs;

/// <summary>
/// <see cref="ITransferService"/> end to end on a real SQLite store with its job runner: uploads imported and restored
/// as background jobs whose reports equal what the importer and restorer return for the same files, hostile and
/// foreign uploads refused with nothing written, exports to a stream that neither seeks nor writes synchronously, the
/// sweep of jobs left behind, and no upload left on disk.
/// </summary>
public sealed class TransferServiceTests : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    /// <summary>A week after the fixtures' last day.</summary>
    private static readonly DateTimeOffset Now = new(2021, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly AuditActor Owner = AuditActor.System("transfer tests");

    private readonly FakeTimeProvider clock = new(Now);
    private readonly string temp = Directory.CreateTempSubdirectory("ghstats-transfer-tests-").FullName;
    private readonly ServiceProvider services;
    private readonly TransferJobRunner runner;

    public TransferServiceTests(SqliteDatabaseFixture database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services = database.BuildServices(clock, s => s.AddGhStats().AddTransfer(o =>
        {
            o.TempDirectory = Path.Combine(temp, "uploads");
            o.MaxUploadBytes = 2 << 20;
        }));
        runner = services.GetServices<IHostedService>().OfType<TransferJobRunner>().Single();
    }

    private ITransferService Transfers => services.GetRequiredService<ITransferService>();

    private ITransferJobStore Jobs => services.GetRequiredService<ITransferJobStore>();

    private TransferWorkspace Workspace => services.GetRequiredService<TransferWorkspace>();

    public Task InitializeAsync() => runner.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await runner.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        Directory.Delete(temp, recursive: true);
    }

    [Fact]
    public async Task ImportRepostatsCsv_DryRunThenReal_ReportsWhatTheImporterReturnsForTheSameFile_AndWritesOnlyForReal()
    {
        var tenant = await NewTenantAsync();
        var direct = await NewTenantAsync();
        var file = Path.Combine(SourceFixtures.Root, "IbmCsv", "repostats.csv");
        var alone = Path.Combine(Directory.CreateDirectory(Path.Combine(temp, "alone")).FullName, "repostats.csv");
        File.Copy(file, alone);

        var dry = await RunAsync(await StartImportAsync(tenant, "ibm-csv", file, "repostats.csv", dryRun: true));

        dry.State.ShouldBe(TransferJobState.Succeeded, dry.Error);
        (dry.Kind, dry.Source, dry.FileName, dry.FileBytes, dry.DryRun, dry.RequestedBy).ShouldBe((TransferJobKind.Import, "ibm-csv", "repostats.csv", new FileInfo(file).Length, true, Owner.Name));
        var expectedDry = await Importer.ImportAsync(new ImportRequest(ImportSource.IbmRepostatsCsv, alone, direct.Slug, Owner) { DryRun = true, RepositoryNames = IbmNames });
        dry.Report.ShouldBe(TransferReportJson.Serialize(expectedDry));
        dry.Progress.ShouldBe(new TransferJobProgress("comparing repositories", expectedDry.Repositories.Count, expectedDry.Repositories.Count));
        (await services.GetRequiredService<IRepositoryStore>().ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();

        var real = await RunAsync(await StartImportAsync(tenant, "ibm-csv", file, "repostats.csv", dryRun: false));

        real.State.ShouldBe(TransferJobState.Succeeded, real.Error);
        var expected = await Importer.ImportAsync(new ImportRequest(ImportSource.IbmRepostatsCsv, alone, direct.Slug, Owner) { RepositoryNames = IbmNames });
        real.Report.ShouldBe(TransferReportJson.Serialize(expected));
        real.Progress.ShouldBe(new TransferJobProgress("writing repositories", expected.Repositories.Count, expected.Repositories.Count));
        (await StateAsync(tenant)).ShouldBe(await StateAsync(direct));
        (await StateAsync(tenant)).ShouldNotBeEmpty();
        var audit = await services.GetRequiredService<IAuditStore>().ListAsync(new AuditQuery(TenantId: tenant.Id));
        audit.ShouldContain(e => e.Action == AuditActions.TrafficImported && e.Actor.Name == Owner.Name);
        JobFolders().ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportAZipOfADb2ExportFolder_DryRunThenReal_ReportsWhatTheImporterReturnsForTheFolder()
    {
        var tenant = await NewTenantAsync();
        var direct = await NewTenantAsync();
        var folder = Path.Combine(SourceFixtures.Root, "IbmDb2");
        var zip = Path.Combine(temp, "db2-export.zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Optimal, includeBaseDirectory: true);
        var names = new Dictionary<string, string> { ["1004"] = "octo-org/tools" };

        var dry = await RunAsync(await Transfers.StartImportAsync(
            new TransferImportStart("ibm-db2", tenant.Slug, "db2-export.zip", Owner) { DryRun = true, RepositoryNames = names }, File.OpenRead(zip)));
        var real = await RunAsync(await Transfers.StartImportAsync(
            new TransferImportStart("ibm-db2", tenant.Slug, "db2-export.zip", Owner) { HistoryOnly = true, RepositoryNames = names }, File.OpenRead(zip)));

        dry.State.ShouldBe(TransferJobState.Succeeded, dry.Error);
        real.State.ShouldBe(TransferJobState.Succeeded, real.Error);
        // The notes name the tenant imported into.
        dry.Report.ShouldBe(TransferReportJson.Serialize(await Importer.ImportAsync(new ImportRequest(ImportSource.IbmDb2Export, folder, direct.Slug, Owner) { DryRun = true, RepositoryNames = names })).Replace(direct.Slug, tenant.Slug, StringComparison.Ordinal));
        real.Report.ShouldBe(TransferReportJson.Serialize(await Importer.ImportAsync(new ImportRequest(ImportSource.IbmDb2Export, folder, direct.Slug, Owner) { HistoryOnly = true, RepositoryNames = names })).Replace(direct.Slug, tenant.Slug, StringComparison.Ordinal));
        real.Report.ShouldNotBeNull().ShouldContain("\"outcome\":\"createdHistoryOnly\"");
        real.Report.ShouldContain("\"email\":\"ann@example.com\"");
        (await StateAsync(tenant)).ShouldBe(await StateAsync(direct));
        JobFolders().ShouldBeEmpty();
    }

    public static TheoryData<string> UploadForms => new()
    {
        "ibm-csv zip with repositories.csv",
        "ghstats-sqlite file",
        "ghstats-sqlite zip",
        "repohistory export",
        "repohistory zip of exports",
        "github-repo-stats zip of the checkout",
        "github-repo-stats zip of one ghrs-data",
    };

    [Theory]
    [MemberData(nameof(UploadForms))]
    public async Task ImportEachSourcesUpload_ReportsWhatTheImporterReturnsForTheSameFiles(string form)
    {
        var tenant = await NewTenantAsync();
        var direct = await NewTenantAsync();
        var scratch = Directory.CreateDirectory(Path.Combine(temp, "source-" + Guid.NewGuid().ToString("N"))).FullName;
        var repoStats = Path.Combine(SourceFixtures.Root, "GitHubRepoStats");
        var (source, upload, name, read) = form switch
        {
            "ibm-csv zip with repositories.csv" => ("ibm-csv", ZipOf(Path.Combine(SourceFixtures.Root, "IbmCsv")), "ibm.zip", Path.Combine(SourceFixtures.Root, "IbmCsv", "repostats.csv")),
            "ghstats-sqlite file" => ("ghstats-sqlite", SourceFixtures.GhstatsDatabase(scratch), "ghstats.db", Path.Combine(scratch, "ghstats.db")),
            "ghstats-sqlite zip" => ("ghstats-sqlite", ZipOf(Path.GetDirectoryName(SourceFixtures.GhstatsDatabase(scratch))!), "ghstats.zip", Path.Combine(scratch, "ghstats.db")),
            "repohistory export" => ("repohistory", Path.Combine(SourceFixtures.RepohistoryArchives(scratch), "octocat-app-data-csv.zip"), "C:\\Downloads\\octocat-app-data-csv.zip", Path.Combine(scratch, "octocat-app-data-csv.zip")),
            "repohistory zip of exports" => ("repohistory", ZipOf(SourceFixtures.RepohistoryArchives(scratch)), "exports.zip", scratch),
            "github-repo-stats zip of the checkout" => ("github-repo-stats", ZipOf(repoStats), "data.zip", repoStats),
            _ => ("github-repo-stats", ZipOf(Path.Combine(repoStats, "octo-org", "app", "ghrs-data"), includeBaseDirectory: true), "ghrs-data.zip", LoneGhrsData(scratch)),
        };
        ImportSources.TryParse(source, out var kind).ShouldBeTrue();

        var job = await RunAsync(await Transfers.StartImportAsync(new TransferImportStart(source, tenant.Slug, name, Owner), File.OpenRead(upload)));

        job.State.ShouldBe(TransferJobState.Succeeded, job.Error);
        var expected = await Importer.ImportAsync(new ImportRequest(kind, read, direct.Slug, Owner));
        expected.Repositories.ShouldContain(r => r.DaysNew > 0);
        job.Report.ShouldBe(TransferReportJson.Serialize(expected).Replace(direct.Slug, tenant.Slug, StringComparison.Ordinal));
        (await StateAsync(tenant)).ShouldBe(await StateAsync(direct));
        JobFolders().ShouldBeEmpty();
    }

    [Fact]
    public async Task AJobAnotherReplicaFailed_StopsItsWork_AndKeepsThatReplicasError()
    {
        var tenant = await NewTenantAsync();
        var job = await Jobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "ibm-csv", "repostats.csv", 1, false, Owner));
        var folder = Workspace.NewJobFolder();
        var working = new TaskCompletionSource();
        var again = new TaskCompletionSource();
        var stopped = new TaskCompletionSource<bool>();

        var run = runner.RunAsync(
            new QueuedTransfer(job, folder, async (progress, token) =>
            {
                progress.Report(new TransferJobProgress("writing repositories", 1, 3));
                working.SetResult();
                await again.Task;
                progress.Report(new TransferJobProgress("writing repositories", 2, 3));
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    stopped.SetResult(true);
                    throw;
                }

                return "{}";
            }),
            CancellationToken.None);
        await working.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Jobs.FinishAsync(job.Id, TransferJobState.Failed, null, "failed by another replica");
        again.SetResult();

        (await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var ended = (await Jobs.GetAsync(job.Id))!;
        (ended.State, ended.Error, ended.Report).ShouldBe((TransferJobState.Failed, "failed by another replica", (string?)null));
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public async Task Importer_TellsItsProgress_CheckingThenEachRepository()
    {
        var tenant = await NewTenantAsync();
        var seen = new List<TransferJobProgress>();

        var report = await Importer.ImportAsync(new ImportRequest(ImportSource.IbmDb2Export, Path.Combine(SourceFixtures.Root, "IbmDb2"), tenant.Slug, Owner) { Progress = new Recorder(seen) });

        var count = report.Repositories.Count;
        count.ShouldBeGreaterThan(1);
        seen.ShouldBe(
        [
            new TransferJobProgress("checking the file", 0, 0),
            .. Enumerable.Range(0, count + 1).Select(done => new TransferJobProgress("writing repositories", done, count)),
        ]);
    }

    [Theory]
    [InlineData("dot-dot", "leaves the archive or is absolute")]
    [InlineData("zip-bomb", "zip bomb")]
    [InlineData("no-traffic", "The zip holds no REPOTRAFFIC.del")]
    public async Task ImportAHostileZip_FailsTheJobWithItsReason_WritesNothing_AndLeavesNoFile(string hostile, string reason)
    {
        var tenant = await NewTenantAsync();
        var zip = Path.Combine(temp, hostile + ".zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceFixtures.Root, "IbmDb2")).Where(_ => hostile != "no-traffic"))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }

            var (name, bytes) = hostile switch
            {
                "dot-dot" => ("../../escaped.del", "x"u8.ToArray()),
                "zip-bomb" => ("BOMB.del", new byte[16 << 20]),
                _ => ("README.txt", "no export here"u8.ToArray()),
            };
            using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            entry.Write(bytes);
        }

        var job = await RunAsync(await Transfers.StartImportAsync(new TransferImportStart("ibm-db2", tenant.Slug, "export.zip", Owner), File.OpenRead(zip)));

        job.State.ShouldBe(TransferJobState.Failed);
        job.Error.ShouldNotBeNull().ShouldContain(reason);
        job.Error.ShouldNotContain(temp);
        job.Report.ShouldBeNull();
        (await services.GetRequiredService<IRepositoryStore>().ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
        Directory.EnumerateFiles(temp, "escaped.del", SearchOption.AllDirectories).ShouldBeEmpty();
        JobFolders().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ibm-db2", "Upload a zip of the folder")]
    [InlineData("ghstats-sqlite", "not a SQLite database")]
    [InlineData("no-such-tool", "Unknown import source 'no-such-tool'")]
    public async Task StartImport_RefusesAnUploadTheSourceCannotRead_BeforeAnyJob(string source, string message)
    {
        var tenant = await NewTenantAsync();

        var refused = await Should.ThrowAsync<TransferRequestException>(() =>
            Transfers.StartImportAsync(new TransferImportStart(source, tenant.Slug, "repostats.csv", Owner), File.OpenRead(Path.Combine(SourceFixtures.Root, "IbmCsv", "repostats.csv"))));

        refused.Message.ShouldContain(message);
        (await Jobs.ListAsync(tenant.Id, 50)).ShouldBeEmpty();
        JobFolders().ShouldBeEmpty();
    }

    [Fact]
    public async Task StartImport_RefusesAnUploadOverTheLimit_AndItsFileIsGone()
    {
        var tenant = await NewTenantAsync();
        Transfers.MaxUploadBytes.ShouldBe(2 << 20);

        var refused = await Should.ThrowAsync<TransferRequestException>(() =>
            Transfers.StartImportAsync(new TransferImportStart("ibm-csv", tenant.Slug, "repostats.csv", Owner), new MemoryStream(new byte[(2 << 20) + 1])));

        refused.Message.ShouldContain("larger than 2097152 bytes");
        (await Jobs.ListAsync(tenant.Id, 50)).ShouldBeEmpty();
        JobFolders().ShouldBeEmpty();
        Directory.EnumerateFiles(Workspace.Folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != ".lock").ShouldBeEmpty();
    }

    [Fact]
    public async Task RestoreATenantsExport_DryRunThenReal_ReportsWhatTheRestorerReturns_AndTheExportIsValidOnAStreamThatCannotSeek()
    {
        var tenant = await NewTenantAsync();
        await RunAsync(await StartImportAsync(tenant, "ibm-csv", Path.Combine(SourceFixtures.Root, "IbmCsv", "repostats.csv"), "repostats.csv", dryRun: false));
        var archive = Path.Combine(temp, "export.zip");

        await using (var output = new ForwardOnlyStream())
        {
            await Transfers.ExportAsync(tenant.Slug, output);
            await File.WriteAllBytesAsync(archive, output.Written.ToArray());
        }

        await using (var read = File.OpenRead(archive))
        using (var reader = ArchiveReader.Open(read, ArchiveLimits.Default))
        {
            reader.Manifest.Scope.ShouldBe($"tenant:{tenant.Slug}");
            reader.Manifest.Tables.Single(t => t.Name == ArchiveTables.TrafficDays).Rows.ShouldBeGreaterThan(0);
            ArchiveValidation.Validate(reader, DateOnly.FromDateTime(Now.UtcDateTime), default);
        }

        var dry = await RunAsync(await Transfers.StartRestoreAsync(new TransferRestoreStart(tenant.Slug, "export.zip", Owner) { DryRun = true }, File.OpenRead(archive)));
        var real = await RunAsync(await Transfers.StartRestoreAsync(new TransferRestoreStart(tenant.Slug, "export.zip", Owner), File.OpenRead(archive)));

        dry.State.ShouldBe(TransferJobState.Succeeded, dry.Error);
        real.State.ShouldBe(TransferJobState.Succeeded, real.Error);
        (dry.TenantId, dry.Kind, dry.Source).ShouldBe((tenant.Id, TransferJobKind.Restore, "archive"));
        var restorer = services.GetRequiredService<ArchiveRestorer>();
        dry.Report.ShouldBe(TransferReportJson.Serialize(await restorer.RestoreAsync(new RestoreRequest(archive, Owner) { DryRun = true })));
        real.Report.ShouldBe(TransferReportJson.Serialize(await restorer.RestoreAsync(new RestoreRequest(archive, Owner))));
        real.Report.ShouldNotBeNull().ShouldContain("\"daysUnchanged\":");
        var rows = await RowsAsync(archive);
        real.Progress.ShouldBe(new TransferJobProgress("restoring rows", rows, rows));
        JobFolders().ShouldBeEmpty();
    }

    [Fact]
    public async Task StartRestore_RefusesAnotherTenantsArchive_AndAnInstallationArchive_BeforeAnyJob()
    {
        var mine = await NewTenantAsync();
        var other = await NewTenantAsync();
        var theirs = await ExportAsync(other.Slug);
        var installation = await ExportAsync(null);

        var foreign = await Should.ThrowAsync<TransferRequestException>(() =>
            Transfers.StartRestoreAsync(new TransferRestoreStart(mine.Slug, "theirs.zip", Owner), new MemoryStream(theirs)));
        var whole = await Should.ThrowAsync<TransferRequestException>(() =>
            Transfers.StartRestoreAsync(new TransferRestoreStart(mine.Slug, "all.zip", Owner), new MemoryStream(installation)));
        var notAnArchive = await Should.ThrowAsync<TransferRequestException>(() =>
            Transfers.StartRestoreAsync(new TransferRestoreStart(mine.Slug, "x.zip", Owner), new MemoryStream("not a zip"u8.ToArray())));

        foreign.Message.ShouldContain($"tenant:{other.Slug}, not tenant {mine.Slug}");
        whole.Message.ShouldContain("installation's archive");
        notAnArchive.Message.ShouldContain("not a zip archive");
        (await Jobs.ListAsync(mine.Id, 50)).ShouldBeEmpty();
        JobFolders().ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_FailsAJobWhoseHeartbeatStopped_AndLeavesALiveOneRunning()
    {
        var tenant = await NewTenantAsync();
        var stale = await Jobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "ibm-csv", "repostats.csv", 10, false, Owner));
        (await Jobs.StartAsync(stale.Id)).ShouldNotBeNull();
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var live = await Jobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "ibm-csv", "repostats.csv", 10, false, Owner));
        (await Jobs.StartAsync(live.Id)).ShouldNotBeNull();
        var sweeper = services.GetServices<IHostedService>().OfType<StaleTransferSweeper>().Single();

        (await sweeper.SweepAsync(default)).ShouldBe(1);

        var failed = (await Jobs.GetAsync(stale.Id))!;
        failed.State.ShouldBe(TransferJobState.Failed);
        failed.Error.ShouldBe("The server running this job stopped. Repositories written before that stay; run it again to complete it (it changes nothing already imported).");
        (await Jobs.GetAsync(live.Id))!.State.ShouldBe(TransferJobState.Running);
        (await Jobs.ReportProgressAsync(stale.Id, new TransferJobProgress("writing repositories", 1, 2))).ShouldBeFalse();
    }

    [Fact]
    public void Workspace_DeletesTheFoldersOfStoppedProcesses_AndKeepsALiveOnes()
    {
        var root = Path.Combine(temp, "uploads");
        var mine = Workspace.Folder;
        var leftBehind = Directory.CreateDirectory(Path.Combine(root, "stopped-process", "job")).FullName;
        File.WriteAllText(Path.Combine(leftBehind, "upload"), "an upload nobody runs");
        using var second = new ServiceCollection().AddLogging().AddGhStats().AddTransfer(o => o.TempDirectory = root).Services.BuildServiceProvider();

        var theirs = second.GetRequiredService<TransferWorkspace>().Folder;

        Directory.Exists(Path.Combine(root, "stopped-process")).ShouldBeFalse();
        Directory.Exists(mine).ShouldBeTrue();
        Directory.Exists(theirs).ShouldBeTrue();
        theirs.ShouldNotBe(mine);
    }

    private TrafficImporter Importer => services.GetRequiredService<TrafficImporter>();

    /// <summary>repostats.csv alone names no repository: the names its ids need.</summary>
    private static readonly Dictionary<string, string> IbmNames = new() { ["1000"] = "octo-org/app", ["1001"] = "octo-org/docs", ["1005"] = "octo-org/tools" };

    private Task<TransferJob> StartImportAsync(Tenant tenant, string source, string file, string name, bool dryRun) =>
        Transfers.StartImportAsync(new TransferImportStart(source, tenant.Slug, name, Owner) { DryRun = dryRun, RepositoryNames = IbmNames }, File.OpenRead(file));

    /// <summary>Waits for the runner to end the job (the runner runs on the real thread pool; the fake clock only dates rows).</summary>
    private async Task<TransferJob> RunAsync(TransferJob started)
    {
        started.State.ShouldBe(TransferJobState.Queued);
        for (var i = 0; i < 600; i++)
        {
            var job = (await Jobs.GetAsync(started.Id))!;
            if (job.State is TransferJobState.Succeeded or TransferJobState.Failed)
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Job {started.Id} did not end.");
    }

    /// <summary>A copy of one ghrs-data folder where a job unpacks it: no folders above it name the repository.</summary>
    private static string LoneGhrsData(string scratch)
    {
        var copy = Path.Combine(scratch, "(zip)", "(upload)", "ghrs-data");
        var from = Path.Combine(SourceFixtures.Root, "GitHubRepoStats", "octo-org", "app", "ghrs-data");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return copy;
    }

    /// <summary>Zips a folder's contents (or the folder itself) into a new file outside it.</summary>
    private string ZipOf(string folder, bool includeBaseDirectory = false)
    {
        var zip = Path.Combine(Directory.CreateDirectory(Path.Combine(temp, "zips")).FullName, Guid.NewGuid().ToString("N") + ".zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Optimal, includeBaseDirectory);
        return zip;
    }

    private async Task<byte[]> ExportAsync(string? slug)
    {
        await using var output = new ForwardOnlyStream();
        await Transfers.ExportAsync(slug, output);
        return output.Written.ToArray();
    }

    private static async Task<long> RowsAsync(string archive)
    {
        await using var read = File.OpenRead(archive);
        using var reader = ArchiveReader.Open(read, ArchiveLimits.Default);
        return reader.Manifest.Tables.Sum(t => t.Rows);
    }

    /// <summary>The jobs' folders still on disk (the process's lock file aside).</summary>
    private List<string> JobFolders() => Directory.EnumerateDirectories(Workspace.Folder).ToList();

    private Task<Tenant> NewTenantAsync() =>
        services.GetRequiredService<ITenantStore>().CreateAsync("t-" + Guid.NewGuid().ToString("N")[..12], "Transfer test");

    /// <summary>Every stored day and snapshot of the tenant's repositories, by name, as text.</summary>
    private async Task<string> StateAsync(Tenant tenant)
    {
        var traffic = services.GetRequiredService<ITrafficStore>();
        var range = new DateRange(new DateOnly(2020, 1, 1), new DateOnly(2021, 3, 20));
        var lines = new List<string>();
        foreach (var repo in await services.GetRequiredService<IRepositoryStore>().ListAsync(tenant.Id, includeRemoved: true))
        {
            lines.Add($"{repo.FullName} active={repo.IsActive}");
            var series = await traffic.GetTrafficSeriesAsync(tenant.Id, repo.Id, range, TrafficPeriod.Day);
            lines.AddRange(series.Points.Where(p => p.Coverage != DayCoverage.NotCollected).Select(p => p.ToString()));
        }

        return string.Join('\n', lines);
    }

    private sealed class Recorder(List<TransferJobProgress> seen) : IProgress<TransferJobProgress>
    {
        public void Report(TransferJobProgress value) => seen.Add(value);
    }

    /// <summary>A stream as a web response is: it cannot seek, and refuses synchronous writes and flushes.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
