using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly AuditActor Uploader = new(AuditActorKind.User, 7, "ann@example.com");

    protected ITransferJobStore TransferJobs => Services.GetRequiredService<ITransferJobStore>();

    private Task<TransferJob> NewTransferJobAsync(long? tenantId, TransferJobKind kind = TransferJobKind.Import, string source = "ibm-csv") =>
        TransferJobs.CreateAsync(new NewTransferJob(tenantId, kind, source, "traffic-" + Unique() + ".zip", 12_345, DryRun: true, Uploader));

    [StoreFact]
    public async Task CreateTransferJob_IsQueued_AndReadsBackAsCreated()
    {
        var tenant = await NewTenantAsync();

        var job = await TransferJobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "repohistory", "Ünïcode «name».zip", 1L << 33, DryRun: false, Uploader));
        var installation = await TransferJobs.CreateAsync(new NewTransferJob(null, TransferJobKind.Restore, "archive", "ghstats.zip", 0, DryRun: true, AuditActor.System("cli")));

        job.ShouldBe(new TransferJob(
            job.Id, tenant.Id, TransferJobKind.Import, "repohistory", "Ünïcode «name».zip", 1L << 33, false, "ann@example.com", TransferJobState.Queued,
            TransferJobProgress.NotStarted, Start, null, null, null, null, null));
        (await TransferJobs.GetAsync(job.Id)).ShouldBe(job);
        (await TransferJobs.GetAsync(installation.Id)).ShouldBe(installation);
        installation.TenantId.ShouldBeNull();
        installation.Kind.ShouldBe(TransferJobKind.Restore);
        installation.DryRun.ShouldBeTrue();
        installation.RequestedBy.ShouldBe("cli");
        installation.Id.ShouldNotBe(job.Id);
        (await TransferJobs.GetAsync(long.MaxValue)).ShouldBeNull();
    }

    [StoreFact]
    public async Task CreateTransferJob_CutsALongFileName_AndRefusesBadInput()
    {
        var tenant = await NewTenantAsync();
        var longName = new string('n', FieldLimits.TransferFileName + 100) + ".zip";

        var job = await TransferJobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "ibm-csv", longName, 1, true, Uploader));

        job.FileName.Length.ShouldBe(FieldLimits.TransferFileName);
        job.FileName.ShouldEndWith("…");
        (await TransferJobs.GetAsync(job.Id))!.FileName.ShouldBe(job.FileName);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => NewTransferJobAsync(long.MaxValue));
        await Should.ThrowAsync<ArgumentException>(() => NewTransferJobAsync(tenant.Id, source: " "));
        await Should.ThrowAsync<ArgumentException>(() => NewTransferJobAsync(tenant.Id, source: new string('s', FieldLimits.TransferSource + 1)));
        await Should.ThrowAsync<ArgumentException>(() => TransferJobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "ibm-csv", "", 1, true, Uploader)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.CreateAsync(new NewTransferJob(tenant.Id, TransferJobKind.Import, "ibm-csv", "a.zip", -1, true, Uploader)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.CreateAsync(new NewTransferJob(tenant.Id, (TransferJobKind)9, "ibm-csv", "a.zip", 1, true, Uploader)));
        (await TransferJobs.ListAsync(tenant.Id, 50)).Select(j => j.Id).ShouldBe([job.Id]);
    }

    [StoreFact]
    public async Task ListTransferJobs_GivesOneTenantsNewestFirst_UpToTheLimit_WithoutReports()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var first = await NewTransferJobAsync(tenant.Id);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await NewTransferJobAsync(tenant.Id, TransferJobKind.Restore, "archive");
        var third = await NewTransferJobAsync(tenant.Id);
        var others = await NewTransferJobAsync(other.Id);
        var installation = await NewTransferJobAsync(null, TransferJobKind.Restore, "archive");
        await TransferJobs.StartAsync(first.Id);
        var finished = await TransferJobs.FinishAsync(first.Id, TransferJobState.Succeeded, "{\"repositories\":[]}", null);

        (await TransferJobs.ListAsync(tenant.Id, 50)).ShouldBe([third, second, finished with { Report = null }]);
        (await TransferJobs.ListAsync(tenant.Id, 2)).Select(j => j.Id).ShouldBe([third.Id, second.Id]);
        (await TransferJobs.ListAsync(other.Id, 50)).ShouldBe([others]);
        var ofNoTenant = await TransferJobs.ListAsync(null, 1000);
        ofNoTenant.ShouldContain(installation);
        ofNoTenant.ShouldAllBe(j => j.TenantId == null);
        ofNoTenant.Select(j => j.Id).ShouldBeInOrder(SortDirection.Descending);
        (await TransferJobs.ListAsync(long.MaxValue, 50)).ShouldBeEmpty();
        (await TransferJobs.GetAsync(first.Id))!.Report.ShouldBe("{\"repositories\":[]}");
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.ListAsync(tenant.Id, 0));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.ListAsync(tenant.Id, 1001));
    }

    [StoreFact]
    public async Task StartTransferJob_StartsAQueuedJobOnce()
    {
        var tenant = await NewTenantAsync();
        var job = await NewTransferJobAsync(tenant.Id);
        var raced = await NewTransferJobAsync(tenant.Id);
        Clock.Advance(TimeSpan.FromSeconds(30));

        var started = await TransferJobs.StartAsync(job.Id);
        var again = await TransferJobs.StartAsync(job.Id);
        var both = await Task.WhenAll(TransferJobs.StartAsync(raced.Id), TransferJobs.StartAsync(raced.Id));

        started.ShouldBe(job with { State = TransferJobState.Running, StartedAt = Start.AddSeconds(30), HeartbeatAt = Start.AddSeconds(30) });
        again.ShouldBeNull();
        both.Count(j => j is not null).ShouldBe(1);
        (await TransferJobs.StartAsync(long.MaxValue)).ShouldBeNull();
        await TransferJobs.FinishAsync(job.Id, TransferJobState.Failed, null, "stopped");
        (await TransferJobs.StartAsync(job.Id)).ShouldBeNull();
        (await TransferJobs.GetAsync(job.Id))!.State.ShouldBe(TransferJobState.Failed);
    }

    [StoreFact]
    public async Task ReportTransferProgress_MovesProgressAndHeartbeat_OnlyWhileRunning()
    {
        var tenant = await NewTenantAsync();
        var job = await NewTransferJobAsync(tenant.Id);

        (await TransferJobs.ReportProgressAsync(job.Id, new TransferJobProgress("checking the file", 1, 2))).ShouldBeFalse();
        (await TransferJobs.GetAsync(job.Id)).ShouldBe(job);

        await TransferJobs.StartAsync(job.Id);
        Clock.Advance(TimeSpan.FromSeconds(5));
        (await TransferJobs.ReportProgressAsync(job.Id, new TransferJobProgress("writing repositories", 3, 40))).ShouldBeTrue();
        var running = await TransferJobs.GetAsync(job.Id);
        running!.Progress.ShouldBe(new TransferJobProgress("writing repositories", 3, 40));
        running.HeartbeatAt.ShouldBe(Start.AddSeconds(5));
        running.StartedAt.ShouldBe(Start);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.ReportProgressAsync(job.Id, new TransferJobProgress("writing", -1, 40)));
        await Should.ThrowAsync<ArgumentException>(() => TransferJobs.ReportProgressAsync(job.Id, new TransferJobProgress(" ", 1, 40)));
        await Should.ThrowAsync<ArgumentException>(() => TransferJobs.ReportProgressAsync(job.Id, new TransferJobProgress(new string('p', FieldLimits.TransferPhase + 1), 1, 40)));

        await TransferJobs.FinishAsync(job.Id, TransferJobState.Succeeded, "{}", null);
        (await TransferJobs.ReportProgressAsync(job.Id, new TransferJobProgress("writing repositories", 4, 40))).ShouldBeFalse();
        (await TransferJobs.GetAsync(job.Id))!.Progress.Done.ShouldBe(3);
        (await TransferJobs.ReportProgressAsync(long.MaxValue, new TransferJobProgress("writing repositories", 4, 40))).ShouldBeFalse();
    }

    [StoreFact]
    public async Task FinishTransferJob_KeepsALargeReportWhole_AndCutsTheError()
    {
        var tenant = await NewTenantAsync();
        var succeeded = await NewTransferJobAsync(tenant.Id);
        var failed = await NewTransferJobAsync(tenant.Id);
        var report = LargeReport(500_000);
        await TransferJobs.StartAsync(succeeded.Id);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var done = await TransferJobs.FinishAsync(succeeded.Id, TransferJobState.Succeeded, report, null);
        var broken = await TransferJobs.FinishAsync(failed.Id, TransferJobState.Failed, null, new string('e', FieldLimits.ErrorMessage + 3000));

        done.State.ShouldBe(TransferJobState.Succeeded);
        done.FinishedAt.ShouldBe(Start.AddMinutes(2));
        done.Error.ShouldBeNull();
        done.Report.ShouldBe(report);
        (await TransferJobs.GetAsync(succeeded.Id))!.Report.ShouldBe(report);
        broken.State.ShouldBe(TransferJobState.Failed);
        broken.StartedAt.ShouldBeNull();
        broken.Report.ShouldBeNull();
        broken.Error!.Length.ShouldBe(FieldLimits.ErrorMessage);
        broken.Error.ShouldEndWith("…");

        // The first end counts: a runner that finishes after another replica failed its job changes nothing.
        Clock.Advance(TimeSpan.FromMinutes(1));
        (await TransferJobs.FinishAsync(failed.Id, TransferJobState.Succeeded, "{}", null)).ShouldBe(broken);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => TransferJobs.FinishAsync(long.MaxValue, TransferJobState.Failed, null, "gone"));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.FinishAsync(succeeded.Id, TransferJobState.Running, null, null));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TransferJobs.FinishAsync(succeeded.Id, TransferJobState.Queued, null, null));
    }

    [StoreFact]
    public async Task FailStaleTransferJobs_FailsRunningJobsWithAnOldHeartbeat_AndOldQueuedOnes_Only()
    {
        const string Failure = "The server running this job stopped.";
        var tenant = await NewTenantAsync();

        // Jobs other tests left queued or running, all older than these: swept first so the count below is this test's.
        Clock.Advance(TimeSpan.FromDays(30));
        await TransferJobs.FailStaleAsync(Clock.GetUtcNow(), Failure);

        var oldQueued = await NewTransferJobAsync(tenant.Id);
        var oldRunning = await NewTransferJobAsync(tenant.Id);
        var beating = await NewTransferJobAsync(tenant.Id);
        await TransferJobs.StartAsync(oldRunning.Id);
        await TransferJobs.StartAsync(beating.Id);
        var finished = await NewTransferJobAsync(tenant.Id);
        await TransferJobs.FinishAsync(finished.Id, TransferJobState.Succeeded, "{}", null);
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await TransferJobs.ReportProgressAsync(beating.Id, new TransferJobProgress("writing repositories", 1, 2))).ShouldBeTrue();
        var freshQueued = await NewTransferJobAsync(tenant.Id);
        var freshRunning = await NewTransferJobAsync(tenant.Id);
        await TransferJobs.StartAsync(freshRunning.Id);
        Clock.Advance(TimeSpan.FromSeconds(10));

        var count = await TransferJobs.FailStaleAsync(Clock.GetUtcNow().AddMinutes(-2), Failure + new string('.', FieldLimits.ErrorMessage));

        count.ShouldBe(2);
        foreach (var stale in new[] { oldQueued, oldRunning })
        {
            var job = await TransferJobs.GetAsync(stale.Id);
            job!.State.ShouldBe(TransferJobState.Failed);
            job.FinishedAt.ShouldBe(Clock.GetUtcNow());
            job.Error!.Length.ShouldBe(FieldLimits.ErrorMessage);
            job.Error.ShouldStartWith(Failure);
        }

        (await TransferJobs.GetAsync(beating.Id))!.State.ShouldBe(TransferJobState.Running);
        (await TransferJobs.GetAsync(freshRunning.Id))!.State.ShouldBe(TransferJobState.Running);
        (await TransferJobs.GetAsync(freshQueued.Id))!.State.ShouldBe(TransferJobState.Queued);
        (await TransferJobs.GetAsync(finished.Id))!.State.ShouldBe(TransferJobState.Succeeded);
        (await TransferJobs.ReportProgressAsync(oldRunning.Id, new TransferJobProgress("writing repositories", 2, 2))).ShouldBeFalse();

        // Leave nothing running for a later sweep on a database that outlives the run.
        foreach (var live in new[] { beating, freshQueued, freshRunning })
        {
            await TransferJobs.FinishAsync(live.Id, TransferJobState.Succeeded, null, null);
        }
    }

    [StoreFact]
    public async Task DeletingATenant_DeletesItsTransferJobs_Only()
    {
        var doomed = await NewTenantAsync();
        var kept = await NewTenantAsync();
        var gone = await NewTransferJobAsync(doomed.Id);
        await TransferJobs.StartAsync(gone.Id);
        await TransferJobs.FinishAsync(gone.Id, TransferJobState.Succeeded, LargeReport(10_000), null);
        var queued = await NewTransferJobAsync(doomed.Id);
        var stays = await NewTransferJobAsync(kept.Id);

        await Tenants.DeleteAsync(doomed.Id);

        (await TransferJobs.GetAsync(gone.Id)).ShouldBeNull();
        (await TransferJobs.GetAsync(queued.Id)).ShouldBeNull();
        (await TransferJobs.ListAsync(doomed.Id, 50)).ShouldBeEmpty();
        (await TransferJobs.GetAsync(stays.Id)).ShouldBe(stays);
    }

    /// <summary>A report as the transfer service writes it, with text that needs escaping and characters beyond ASCII, of at least <paramref name="length"/> characters.</summary>
    private static string LargeReport(int length)
    {
        var json = new StringBuilder("{\"kind\":\"import\",\"repositories\":[");
        for (var i = 0; json.Length < length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"name\":\"owner/repo-{i}\",\"daysNew\":{i % 97},")
                .Append("\"note\":\"Zoë's «naïve» café, 漢字 \\\"quoted\\\" \\\\ and a\\nline break 🚀\"}");
        }

        return json.Append("]}").ToString();
    }
}
