using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using GhStats.Client.Models;
using GhStats.Client.Tests.Harness;
using GhStats.Domain;
using GhStats.Testing;
using Refit;
using Shouldly;
using Xunit;

namespace GhStats.Client.Tests;

/// <summary>
/// The SDK's imports, restores and exports against the real server with the real transfer service (AddTransfer, as
/// the host has it) over loopback: uploads from streams as multipart forms, jobs followed to their end with
/// WaitForTransferAsync, the reports read as typed models, the archives read as zips, and refusals as typed errors.
/// The test fails if any method of <see cref="IGhStatsTransfers"/> goes uncalled.
/// </summary>
public sealed class TransferClientTests
{
    private const long MaxUploadBytes = 1024 * 1024;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task EveryTransferMethod_ImportsRestoresAndExports_ThroughTheServersJobs()
    {
        await using var server = await GhStatsServer.StartAsync(settings: new Dictionary<string, string?> { ["GhStats:Transfer:MaxUploadBytes"] = $"{MaxUploadBytes}" });
        var acme = await server.Get<GhStats.Stores.ITenantStore>().CreateAsync("acme", "Acme");
        await server.Get<GhStats.Stores.ITenantStore>().CreateAsync("other", "Other");
        var ownerUser = await server.CreateUserAsync("owner@acme.example");
        await server.Administration.SetMemberAsync(acme.Id, ownerUser.Email, TenantRole.Owner);
        var adminUser = await server.CreateUserAsync("admin@contract.example", SystemRole.Admin);
        var (owner, recorder) = RecordingClient.Wrap(server.ClientFor(ownerUser));
        var (admin, adminRecorder) = RecordingClient.Wrap(server.ClientFor(adminUser));
        using var disposingOwner = owner;
        using var disposingAdmin = admin;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        (await owner.ListImportSourcesAsync("acme")).Select(s => s.Name).ShouldBe(["ibm-db2", "ibm-csv", "github-repo-stats", "ghstats-sqlite", "repohistory"], ignoreOrder: true);

        // A dry run of the IBM download alone: the names repositories.csv would give come from the options instead.
        var names = new Dictionary<string, string> { ["1000"] = "octo-org/app", ["1001"] = "octo-org/docs", ["1005"] = "octo-org/tools" };
        await using (var file = File.OpenRead(Fixture("repostats.csv")))
        {
            var started = await owner.StartImportAsync("acme", "ibm-csv", file, "repostats.csv", new ImportOptions { RepositoryNames = names }, timeout.Token);
            (started.Kind, started.Source, started.FileName, started.FileBytes, started.DryRun).ShouldBe((TransferKind.Import, "ibm-csv", "repostats.csv", file.Length, true));
            started.RequestedBy.ShouldStartWith(ownerUser.Email);
            started.Report.ShouldBeNull();
            started.ReadImportReport().ShouldBeNull();

            var finished = await owner.WaitForTransferAsync("acme", started.Id, Poll, timeout.Token);
            finished.HasFinished().ShouldBeTrue();
            finished.State.ShouldBe(TransferState.Succeeded, finished.Error);
            finished.FinishedAt.ShouldNotBeNull();
            finished.ReadRestoreReport().ShouldBeNull("an import's report is no restore's");
            var report = finished.ReadImportReport().ShouldNotBeNull();
            (report.Source, report.DryRun).ShouldBe(("ibmRepostatsCsv", true));
            Numbers(report.Repositories).ShouldBe(["octo-org/app createdTracked 2 0", "octo-org/docs createdTracked 1 0", "octo-org/tools createdTracked 1 1"]);
            report.Repositories.Single(r => r.FullName == "octo-org/tools").Rejections.Single().Where.ShouldBe("repostats.csv:7");
        }

        (await owner.ListRepositoriesAsync("acme")).ShouldBeEmpty("a dry run writes nothing");

        // For real, as history only: the same numbers, and the repositories are there, not collected.
        await using (var file = File.OpenRead(Fixture("repostats.csv")))
        {
            var started = await owner.StartImportAsync("acme", "ibm-csv", file, "repostats.csv", new ImportOptions { DryRun = false, HistoryOnly = true, RepositoryNames = names }, timeout.Token);
            started.DryRun.ShouldBeFalse();
            var report = (await owner.WaitForTransferAsync("acme", started.Id, Poll, timeout.Token)).ReadImportReport().ShouldNotBeNull();
            Numbers(report.Repositories).ShouldBe(["octo-org/app createdHistoryOnly 2 0", "octo-org/docs createdHistoryOnly 1 0", "octo-org/tools createdHistoryOnly 1 1"]);
        }

        var jobs = await owner.ListTransfersAsync("acme");
        jobs.Count.ShouldBe(2);
        jobs[0].DryRun.ShouldBeFalse("newest first");
        jobs.ShouldAllBe(j => j.Report == null && j.State == TransferState.Succeeded);
        (await owner.GetTransferAsync("acme", jobs[1].Id)).ReadImportReport().ShouldNotBeNull().DryRun.ShouldBeTrue();

        // The tenant's archive as a stream, and back: a dry-run restore merges into acme and creates nothing.
        byte[] archive;
        await using (var export = await owner.ExportAsync("acme", timeout.Token))
        using (var copy = new MemoryStream())
        {
            await export.CopyToAsync(copy, timeout.Token);
            archive = copy.ToArray();
        }

        ManifestScope(archive).ShouldBe("tenant:acme");
        using (var upload = new MemoryStream(archive))
        {
            var started = await owner.StartRestoreAsync("acme", upload, "acme.zip", cancellationToken: timeout.Token);
            (started.Kind, started.Source, started.DryRun).ShouldBe((TransferKind.Restore, "archive", true));
            var report = (await owner.WaitForTransferAsync("acme", started.Id, Poll, timeout.Token)).ReadRestoreReport().ShouldNotBeNull();
            (report.DryRun, report.Manifest.Format, report.Manifest.Scope).ShouldBe((true, "ghstats-archive", "tenant:acme"));
            report.Manifest.Tables.ShouldContain(t => t.Name == "traffic_days" && t.Rows == 4 && t.Sha256.Length == 64);
            var tenant = report.Tenants.ShouldHaveSingleItem();
            (tenant.Slug, tenant.Created).ShouldBe(("acme", false));
            tenant.Repositories.Select(r => (r.FullName, r.DaysUnchanged)).ShouldBe([("octo-org/app", 2), ("octo-org/docs", 1), ("octo-org/tools", 1)], ignoreOrder: true);
        }

        // Refusals are typed errors with the server's reason.
        await using (var file = File.OpenRead(Fixture("repostats.csv")))
        {
            var unknown = await Should.ThrowAsync<GhStatsApiException>(() => owner.StartImportAsync("acme", "excel", file, "repostats.csv"));
            unknown.Status.ShouldBe(400);
            unknown.Detail.ShouldNotBeNull().ShouldContain("ibm-csv");
        }

        using (var tooLarge = new MemoryStream(new byte[MaxUploadBytes + 1]))
        {
            (await Should.ThrowAsync<GhStatsApiException>(() => owner.StartRestoreAsync("acme", tooLarge, "big.zip"))).Status.ShouldBe(413);
        }

        using (var upload = new MemoryStream(archive))
        {
            (await Should.ThrowAsync<GhStatsApiException>(() => admin.StartRestoreAsync("other", upload, "acme.zip"))).Detail.ShouldNotBeNull().ShouldContain("not tenant other");
        }

        (await Should.ThrowAsync<GhStatsApiException>(() => owner.ListInstallationTransfersAsync())).Status.ShouldBe(403);

        // The installation, for admins: its archive, its restore, and the jobs of no tenant.
        byte[] installation;
        await using (var export = await admin.ExportInstallationAsync(timeout.Token))
        using (var copy = new MemoryStream())
        {
            await export.CopyToAsync(copy, timeout.Token);
            installation = copy.ToArray();
        }

        ManifestScope(installation).ShouldBe("installation");
        using (var upload = new MemoryStream(installation))
        {
            var started = await admin.StartInstallationRestoreAsync(upload, "installation.zip", dryRun: true, timeout.Token);
            var finished = await admin.WaitForTransferAsync(null, started.Id, Poll, timeout.Token);
            finished.ReadRestoreReport().ShouldNotBeNull().Tenants.Select(t => t.Slug).ShouldBe(["acme", "other"], ignoreOrder: true);
            (await admin.ListInstallationTransfersAsync()).ShouldHaveSingleItem().Id.ShouldBe(started.Id);
            (await admin.GetInstallationTransferAsync(started.Id)).Report.ShouldNotBeNull();
        }

        var everyMethod = typeof(IGhStatsTransfers).GetMethods().Where(m => m.GetCustomAttribute<HttpMethodAttribute>() is not null).Select(m => m.Name);
        everyMethod.Except(recorder.Called.Concat(adminRecorder.Called).Select(m => m.Name)).ShouldBeEmpty("every transfer method is called against the real server");
    }

    [Fact]
    public async Task WaitForTransfer_StopsWhenCancelled_WhileTheJobIsQueued()
    {
        await using var server = await GhStatsServer.StartAsync();
        var acme = await server.Get<GhStats.Stores.ITenantStore>().CreateAsync("acme", "Acme");
        var ownerUser = await server.CreateUserAsync("owner@acme.example");
        await server.Administration.SetMemberAsync(acme.Id, ownerUser.Email, TenantRole.Owner);
        using var owner = server.ClientFor(ownerUser);

        // A job no runner picks up (recorded in the store, never queued in a process) never finishes.
        var job = await server.Get<GhStats.Stores.ITransferJobStore>().CreateAsync(
            new NewTransferJob(acme.Id, TransferJobKind.Import, "ibm-csv", "stuck.csv", 1, true, new AuditActor(AuditActorKind.System, null, "test")));
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => owner.WaitForTransferAsync("acme", job.Id, Poll, soon.Token));
        (await owner.GetTransferAsync("acme", job.Id)).State.ShouldBe(TransferState.Queued);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => owner.WaitForTransferAsync("acme", job.Id, TimeSpan.Zero));
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "IbmCsv", name);

    private static List<string> Numbers(IReadOnlyList<RepositoryImportReport> repositories) =>
        [.. repositories.Select(r => $"{r.FullName} {r.Outcome} {r.DaysNew} {r.Rejections.Count}").Order(StringComparer.Ordinal)];

    private static string? ManifestScope(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        return manifest.RootElement.GetProperty("scope").GetString();
    }
}
