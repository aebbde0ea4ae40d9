using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task CollectionRun_RecordsStartProgressErrorsAndEnd()
    {
        var tenant = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);

        var run = await Runs.StartAsync(CollectionTrigger.Cron, "cron", tenant.Id);
        run.Status.ShouldBe(CollectionRunStatus.Running);
        run.StartedAt.ShouldBe(Start);
        (await Runs.ListRunningAsync()).ShouldContain(r => r.Id == run.Id);

        await Runs.UpdateProgressAsync(run.Id, new CollectionProgress(10, 3, 1, 25, 4975));
        var during = await Runs.FindAsync(run.Id);
        during.ShouldBe(run with { ReposTotal = 10, ReposOk = 3, ReposFailed = 1, ApiCalls = 25, RateLimitRemaining = 4975 });
        during!.ReposDone.ShouldBe(4);

        await Runs.AddErrorAsync(new CollectionError(run.Id, repo.Id, CollectionErrorKind.NoPushAccess, "Must have push access to repository", Start.AddSeconds(5)));
        await Runs.AddErrorAsync(new CollectionError(run.Id, null, CollectionErrorKind.RateLimited, new string('m', FieldLimits.ErrorMessage + 500), Start.AddSeconds(6)));
        Clock.Advance(TimeSpan.FromMinutes(3));
        var finished = await Runs.FinishAsync(run.Id, CollectionRunStatus.CompletedWithErrors, new CollectionProgress(10, 8, 2, 50, 4950));

        finished.Status.ShouldBe(CollectionRunStatus.CompletedWithErrors);
        finished.FinishedAt.ShouldBe(Start.AddMinutes(3));
        finished.ReposOk.ShouldBe(8);
        (await Runs.ListRunningAsync()).ShouldNotContain(r => r.Id == run.Id);
        var errors = await Runs.ListErrorsAsync(run.Id);
        errors.Count.ShouldBe(2);
        errors[0].ShouldBe(new CollectionError(run.Id, repo.Id, CollectionErrorKind.NoPushAccess, "Must have push access to repository", Start.AddSeconds(5)));
        errors[1].RepositoryId.ShouldBeNull();
        errors[1].Message.Length.ShouldBe(FieldLimits.ErrorMessage);
    }

    [StoreFact]
    public async Task CollectionRuns_ListNewestFirst_UpToTheLimit()
    {
        var first = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Runs.StartAsync(CollectionTrigger.Manual, "someone@example.com");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await Runs.StartAsync(CollectionTrigger.Cron, "cron");

        var latest = await Runs.ListAsync(1000);
        var two = await Runs.ListAsync(2);

        var ids = latest.Select(r => r.Id).ToList();
        ids.ShouldContain(first.Id);
        ids.IndexOf(third.Id).ShouldBeLessThan(ids.IndexOf(second.Id));
        ids.IndexOf(second.Id).ShouldBeLessThan(ids.IndexOf(first.Id));
        two.Count.ShouldBe(2);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Runs.ListAsync(0));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Runs.ListAsync(1001));
    }

    [StoreFact]
    public async Task CollectionRun_RefusesBadInput_AndUnknownRuns()
    {
        var run = await Runs.StartAsync(CollectionTrigger.Manual, "me");

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Runs.FinishAsync(run.Id, CollectionRunStatus.Running, new CollectionProgress(0, 0, 0, 0, null)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Runs.UpdateProgressAsync(run.Id, new CollectionProgress(1, -1, 0, 0, null)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Runs.UpdateProgressAsync(run.Id, new CollectionProgress(1, 1, 1, 0, null)));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Runs.UpdateProgressAsync(long.MaxValue, new CollectionProgress(0, 0, 0, 0, null)));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Runs.FinishAsync(long.MaxValue, CollectionRunStatus.Failed, new CollectionProgress(0, 0, 0, 0, null)));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Runs.AddErrorAsync(new CollectionError(long.MaxValue, null, CollectionErrorKind.Unknown, "x", Start)));
        (await Runs.FindAsync(long.MaxValue)).ShouldBeNull();
        (await Runs.FindAsync(run.Id))!.Status.ShouldBe(CollectionRunStatus.Running);
    }

    [StoreFact]
    public async Task QueuedRun_WaitsForAWorker_CoalescesTriggers_AndIsStartedOnce()
    {
        // The database is shared: end whatever other tests left running or queued, as a worker holding the lease would.
        foreach (var left in (await Runs.ListRunningAsync()).Concat(await Runs.ListQueuedAsync()))
        {
            await Runs.FinishAsync(left.Id, CollectionRunStatus.Abandoned, new CollectionProgress(left.ReposTotal, left.ReposOk, left.ReposFailed, left.ApiCalls, left.RateLimitRemaining));
        }

        var tenant = await NewTenantAsync();
        var queued = await Runs.QueueAsync(CollectionTrigger.Cron, "cron", tenant.Id);
        queued.Status.ShouldBe(CollectionRunStatus.Queued);
        queued.TenantId.ShouldBe(tenant.Id);
        (await Runs.FindAsync(queued.Id))!.Status.ShouldBe(CollectionRunStatus.Queued);
        (await Runs.ListRunningAsync()).ShouldNotContain(r => r.Id == queued.Id);
        (await Runs.ListQueuedAsync()).Select(r => r.Id).ShouldBe([queued.Id]);

        // A second trigger while one waits gets the same run.
        (await Runs.QueueAsync(CollectionTrigger.Manual, "someone@example.com")).Id.ShouldBe(queued.Id);

        Clock.Advance(TimeSpan.FromMinutes(2));
        var started = await Runs.StartQueuedAsync(queued.Id);
        started.ShouldNotBeNull().Status.ShouldBe(CollectionRunStatus.Running);
        started.StartedAt.ShouldBe(Start + TimeSpan.FromMinutes(2));
        started.Trigger.ShouldBe(CollectionTrigger.Cron);
        (await Runs.StartQueuedAsync(queued.Id)).ShouldBeNull("a second worker must not start it again");
        (await Runs.ListQueuedAsync()).ShouldBeEmpty();

        // While it runs, a trigger gets the running run; once it ended, a new one is queued.
        (await Runs.QueueAsync(CollectionTrigger.Cron, "cron")).Id.ShouldBe(queued.Id);
        await Runs.FinishAsync(queued.Id, CollectionRunStatus.Succeeded, new CollectionProgress(0, 0, 0, 0, null));
        var next = await Runs.QueueAsync(CollectionTrigger.Cron, "cron");
        next.Id.ShouldNotBe(queued.Id);
        next.Status.ShouldBe(CollectionRunStatus.Queued);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Runs.FinishAsync(next.Id, CollectionRunStatus.Queued, new CollectionProgress(0, 0, 0, 0, null)));
        (await Runs.StartQueuedAsync(long.MaxValue)).ShouldBeNull();
        await Runs.FinishAsync(next.Id, CollectionRunStatus.Cancelled, new CollectionProgress(0, 0, 0, 0, null));
    }
}
