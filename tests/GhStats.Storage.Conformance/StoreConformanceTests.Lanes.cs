using System.Collections.Concurrent;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly TimeSpan LaneClaim = TimeSpan.FromMinutes(5);

    private static readonly CollectionLaneProgress NoProgress = new(0, 0, 0, 0, null, null);

    protected ICollectionLaneStore Lanes => Services.GetRequiredService<ICollectionLaneStore>();

    [StoreFact]
    public async Task Lanes_AreAddedPending_ThenClaimedRenewedProgressedAndCompleted_ByTheirHolder()
    {
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        var withConnection = new CollectionLanePlan($"{tenant.Id}:7", tenant.Id, 7, 12);
        var without = new CollectionLanePlan($"{tenant.Id}:none", tenant.Id, null, 3);

        await Lanes.AddAsync(run.Id, [without, withConnection]);
        await Lanes.AddAsync(run.Id, [withConnection with { ReposTotal = 99 }]);

        var added = await Lanes.ListAsync(run.Id);
        added.ShouldBe(
        [
            new CollectionLaneState(run.Id, withConnection.Key, tenant.Id, 7, CollectionLaneStatus.Pending, null, null, 12, NoProgress, null, null),
            new CollectionLaneState(run.Id, without.Key, tenant.Id, null, CollectionLaneStatus.Pending, null, null, 3, NoProgress, null, null),
        ]);

        var claimed = await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim);
        claimed.ShouldBe(added[0] with { Status = CollectionLaneStatus.Running, Holder = "replica-a", LeaseExpiresAt = Start + LaneClaim, StartedAt = Start });

        Clock.Advance(TimeSpan.FromMinutes(4));
        (await Lanes.RenewAsync(run.Id, withConnection.Key, "replica-a", LaneClaim)).ShouldBeTrue();
        var progress = new CollectionLaneProgress(5, 1, 2, 40, 5000, 4960, "The connection's budget is spent until 10:30.");
        (await Lanes.UpdateProgressAsync(run.Id, withConnection.Key, "replica-a", progress)).ShouldBeTrue();
        Clock.Advance(TimeSpan.FromMinutes(4));
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim))!.Key.ShouldBe(without.Key, "the renewed claim has not lapsed; only the other lane is free");

        var during = (await Lanes.ListAsync(run.Id))[0];
        during.ShouldBe(claimed! with { LeaseExpiresAt = Start.AddMinutes(4) + LaneClaim, Progress = progress });

        var final = new CollectionLaneProgress(9, 1, 2, 61, 5000, 4939, "The connection's budget is spent until 10:30.");
        (await Lanes.CompleteAsync(run.Id, withConnection.Key, "replica-a", final)).ShouldBeTrue();

        var done = (await Lanes.ListAsync(run.Id))[0];
        done.ShouldBe(during with { Status = CollectionLaneStatus.Done, Progress = final, FinishedAt = Start.AddMinutes(8) });
        (await Lanes.RenewAsync(run.Id, withConnection.Key, "replica-a", LaneClaim)).ShouldBeFalse("a done lane is held by nobody");
        (await Lanes.UpdateProgressAsync(run.Id, withConnection.Key, "replica-a", NoProgress)).ShouldBeFalse();
        (await Lanes.CompleteAsync(run.Id, withConnection.Key, "replica-a", NoProgress)).ShouldBeFalse();
        (await Lanes.ListAsync(run.Id))[0].ShouldBe(done);

        Clock.Advance(TimeSpan.FromHours(1));
        (await Lanes.ClaimAsync(run.Id, "replica-c", LaneClaim))!.Key.ShouldBe(without.Key, "a done lane is never claimed again; the other one lapsed");
        (await Lanes.ClaimAsync(run.Id, "replica-c", LaneClaim)).ShouldBeNull();
        (await Lanes.ListAsync(long.MaxValue)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Lane_WhoseClaimLapsed_IsTakenOverWithItsProgress_AndTheLostHolderWritesNothing()
    {
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        var key = $"{tenant.Id}:1";
        await Lanes.AddAsync(run.Id, [new CollectionLanePlan(key, tenant.Id, 1, 10)]);
        await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim);
        var recorded = new CollectionLaneProgress(4, 0, 0, 20, 5000, 4980);
        (await Lanes.UpdateProgressAsync(run.Id, key, "replica-a", recorded)).ShouldBeTrue();

        Clock.Advance(LaneClaim - TimeSpan.FromSeconds(1));
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim)).ShouldBeNull("the claim has not lapsed yet");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var taken = await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim);

        taken.ShouldNotBeNull();
        taken.Holder.ShouldBe("replica-b");
        taken.Status.ShouldBe(CollectionLaneStatus.Running);
        taken.Progress.ShouldBe(recorded);
        taken.StartedAt.ShouldBe(Start, "the lane started with its first claim");
        taken.LeaseExpiresAt.ShouldBe(Clock.GetUtcNow() + LaneClaim);

        (await Lanes.RenewAsync(run.Id, key, "replica-a", LaneClaim)).ShouldBeFalse();
        (await Lanes.UpdateProgressAsync(run.Id, key, "replica-a", new CollectionLaneProgress(10, 0, 0, 50, 5000, 4950))).ShouldBeFalse();
        (await Lanes.CompleteAsync(run.Id, key, "replica-a", new CollectionLaneProgress(10, 0, 0, 50, 5000, 4950))).ShouldBeFalse();
        (await Lanes.ListAsync(run.Id)).ShouldHaveSingleItem().ShouldBe(taken);

        (await Lanes.CompleteAsync(run.Id, key, "replica-b", new CollectionLaneProgress(10, 0, 0, 32, 5000, 4968))).ShouldBeTrue();
        (await Lanes.ListAsync(run.Id)).ShouldHaveSingleItem().Progress.ApiCalls.ShouldBe(32);
    }

    [StoreFact]
    public async Task Lane_WhoseClaimLapsed_StaysItsHolders_UntilAnotherProcessClaimsIt()
    {
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        var key = $"{tenant.Id}:none";
        await Lanes.AddAsync(run.Id, [new CollectionLanePlan(key, tenant.Id, null, 2)]);
        await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim);
        Clock.Advance(LaneClaim + TimeSpan.FromMinutes(1));

        (await Lanes.RenewAsync(run.Id, key, "replica-a", LaneClaim)).ShouldBeTrue("nobody took the lane while the claim had lapsed");

        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim)).ShouldBeNull();
        var lane = (await Lanes.ListAsync(run.Id)).ShouldHaveSingleItem();
        lane.Holder.ShouldBe("replica-a");
        lane.LeaseExpiresAt.ShouldBe(Clock.GetUtcNow() + LaneClaim);
    }

    [StoreFact]
    public async Task Lanes_PendingGoFirst_InKeyOrder_ThenLapsedClaims()
    {
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        await Lanes.AddAsync(run.Id, [new CollectionLanePlan($"{tenant.Id}:1", tenant.Id, 1, 1)]);
        (await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim))!.Key.ShouldBe($"{tenant.Id}:1");
        await Lanes.AddAsync(run.Id, [new CollectionLanePlan($"{tenant.Id}:3", tenant.Id, 3, 1), new CollectionLanePlan($"{tenant.Id}:2", tenant.Id, 2, 1)]);
        Clock.Advance(LaneClaim);

        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim))!.Key.ShouldBe($"{tenant.Id}:2");
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim))!.Key.ShouldBe($"{tenant.Id}:3");
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim))!.Key.ShouldBe($"{tenant.Id}:1");
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim)).ShouldBeNull();
    }

    [StoreFact]
    public async Task Lane_HandedBack_IsPendingWithItsProgress_AndWaitsBehindLanesThatDidLess()
    {
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        var (first, second, third) = ($"{tenant.Id}:1", $"{tenant.Id}:2", $"{tenant.Id}:3");
        await Lanes.AddAsync(run.Id, [new CollectionLanePlan(first, tenant.Id, 1, 10), new CollectionLanePlan(second, tenant.Id, 2, 10), new CollectionLanePlan(third, tenant.Id, 3, 10)]);
        (await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim))!.Key.ShouldBe(first);
        (await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim))!.Key.ShouldBe(second);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var firstTurn = new CollectionLaneProgress(4, 1, 0, 25, 5000, 4975);
        (await Lanes.HandBackAsync(run.Id, first, "replica-b", firstTurn)).ShouldBeFalse("only the holder hands a lane back");
        (await Lanes.HandBackAsync(run.Id, first, "replica-a", firstTurn)).ShouldBeTrue();
        var handedBack = (await Lanes.ListAsync(run.Id))[0];
        handedBack.ShouldBe(new CollectionLaneState(
            run.Id, first, tenant.Id, 1, CollectionLaneStatus.Pending, "replica-a", Start.AddMinutes(1), 10, firstTurn, Start, null));
        (await Lanes.RenewAsync(run.Id, first, "replica-a", LaneClaim)).ShouldBeFalse("the claim ended with the hand-back");
        (await Lanes.UpdateProgressAsync(run.Id, first, "replica-a", NoProgress)).ShouldBeFalse();
        (await Lanes.CompleteAsync(run.Id, first, "replica-a", NoProgress)).ShouldBeFalse();
        (await Lanes.HandBackAsync(run.Id, first, "replica-a", NoProgress)).ShouldBeFalse();

        (await Lanes.ClaimAsync(run.Id, "replica-a", LaneClaim))!.Key.ShouldBe(third, "the lane that has done nothing goes before the one handed back");
        var secondTurn = new CollectionLaneProgress(2, 0, 1, 9, 5000, 4966);
        (await Lanes.HandBackAsync(run.Id, second, "replica-a", secondTurn)).ShouldBeTrue();

        var resumed = await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim);
        resumed!.Key.ShouldBe(second, "of two lanes handed back, the one with fewer repositories done (deferred ones count) goes first");
        resumed.Status.ShouldBe(CollectionLaneStatus.Running);
        resumed.Holder.ShouldBe("replica-b");
        resumed.Progress.ShouldBe(secondTurn);
        resumed.LeaseExpiresAt.ShouldBe(Clock.GetUtcNow() + LaneClaim);
        resumed.StartedAt.ShouldBe(Start, "the lane started with its first claim");
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim))!.Progress.ShouldBe(firstTurn);
        (await Lanes.ClaimAsync(run.Id, "replica-b", LaneClaim)).ShouldBeNull();
    }

    [StoreFact]
    public async Task Lanes_GoEachToExactlyOneOfManyConcurrentClaimers_AcrossProcesses()
    {
        const int LaneCount = 24;
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        await Lanes.AddAsync(run.Id, Enumerable.Range(1, LaneCount).Select(c => new CollectionLanePlan($"{tenant.Id}:{c}", tenant.Id, c, 1)).ToList());

        // Four "replicas", each its own services and connection pool (and, on SQLite, its own write gate), four claimers each.
        var replicas = Enumerable.Range(0, 4).Select(_ => Database.BuildServices(Clock)).ToList();
        try
        {
            var claims = new ConcurrentBag<(string Holder, string Key)>();
            await Task.WhenAll(replicas.SelectMany((replica, r) => Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
            {
                var lanes = replica.GetRequiredService<ICollectionLaneStore>();
                var holder = $"replica-{r}-{c}";
                while (await lanes.ClaimAsync(run.Id, holder, LaneClaim) is { } lane)
                {
                    claims.Add((holder, lane.Key));
                }
            }))));

            claims.Select(c => c.Key).Order(StringComparer.Ordinal).ShouldBe(
                Enumerable.Range(1, LaneCount).Select(c => $"{tenant.Id}:{c}").Order(StringComparer.Ordinal));
            var stored = await Lanes.ListAsync(run.Id);
            stored.ShouldAllBe(l => l.Status == CollectionLaneStatus.Running);
            stored.Select(l => (l.Holder!, l.Key)).Order().ShouldBe(claims.Order());
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [StoreFact]
    public async Task LatestDoneLanes_AreTheNewestFinishedLaneOfEachConnection_NewestFirst()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var first = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        var second = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        (await Lanes.ListLatestDoneAsync(tenant.Id)).ShouldBeEmpty();

        async Task FinishAsync(CollectionRun run, long tenantId, long? connectionId, int rateLimit)
        {
            var key = $"{tenantId}:{connectionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
            await Lanes.AddAsync(run.Id, [new CollectionLanePlan(key, tenantId, connectionId, 1)]);
            (await Lanes.ClaimAsync(run.Id, "replica", LaneClaim))!.Key.ShouldBe(key);
            (await Lanes.CompleteAsync(run.Id, key, "replica", new CollectionLaneProgress(1, 0, 0, 5, rateLimit, rateLimit - 5))).ShouldBeTrue();
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await FinishAsync(first, tenant.Id, 1, 5000);
        await FinishAsync(first, tenant.Id, 2, 15000);
        await FinishAsync(first, tenant.Id, null, 60);
        await FinishAsync(second, tenant.Id, 1, 5001);
        await FinishAsync(second, other.Id, 2, 12500);

        // A lane of the newest run that has not finished says nothing of its connection's budget yet.
        await Lanes.AddAsync(second.Id, [new CollectionLanePlan($"{tenant.Id}:2", tenant.Id, 2, 1)]);
        await Lanes.ClaimAsync(second.Id, "replica", LaneClaim);

        var latest = await Lanes.ListLatestDoneAsync(tenant.Id);

        latest.Select(l => (l.RunId, l.ConnectionId, l.Progress.RateLimit)).ShouldBe(
            [(second.Id, (long?)1, (int?)5001), (first.Id, null, 60), (first.Id, 2, 15000)]);
        latest.ShouldAllBe(l => l.Status == CollectionLaneStatus.Done && l.TenantId == tenant.Id);
        latest[0].FinishedAt.ShouldBe(Start.AddMinutes(3));
        (await Lanes.ListLatestDoneAsync(other.Id)).ShouldHaveSingleItem().Progress.RateLimit.ShouldBe(12500);
    }

    [StoreFact]
    public async Task Lanes_CutLongDeferralReasons_AndRefuseBadInput()
    {
        var tenant = await NewTenantAsync();
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        var key = $"{tenant.Id}:1";
        await Lanes.AddAsync(run.Id, [new CollectionLanePlan(key, tenant.Id, 1, 1), new CollectionLanePlan(key, tenant.Id, 1, 5)]);
        (await Lanes.ListAsync(run.Id)).ShouldHaveSingleItem().ReposTotal.ShouldBe(1, "of two lanes with one key, the first stands");
        await Lanes.ClaimAsync(run.Id, "replica", LaneClaim);

        (await Lanes.UpdateProgressAsync(run.Id, key, "replica", NoProgress with { DeferredBecause = new string('d', FieldLimits.CollectionLaneDeferredBecause + 50) })).ShouldBeTrue();

        (await Lanes.ListAsync(run.Id))[0].Progress.DeferredBecause!.Length.ShouldBe(FieldLimits.CollectionLaneDeferredBecause);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Lanes.AddAsync(long.MaxValue, [new CollectionLanePlan(key, tenant.Id, 1, 1)]));
        await Should.ThrowAsync<ArgumentException>(() => Lanes.AddAsync(run.Id, [new CollectionLanePlan(" ", tenant.Id, 1, 1)]));
        await Should.ThrowAsync<ArgumentException>(() => Lanes.AddAsync(run.Id, [new CollectionLanePlan(new string('k', FieldLimits.CollectionLaneKey + 1), tenant.Id, 1, 1)]));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Lanes.AddAsync(run.Id, [new CollectionLanePlan($"{tenant.Id}:2", tenant.Id, 2, -1)]));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Lanes.ClaimAsync(run.Id, "replica", TimeSpan.Zero));
        await Should.ThrowAsync<ArgumentException>(() => Lanes.ClaimAsync(run.Id, "", LaneClaim));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Lanes.UpdateProgressAsync(run.Id, key, "replica", NoProgress with { ApiCalls = -1 }));
        (await Lanes.ListAsync(run.Id)).ShouldHaveSingleItem();
    }

    [StoreFact]
    public async Task CollectionRun_FinishedTwice_KeepsTheFirstFinish()
    {
        var run = await Runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        Clock.Advance(TimeSpan.FromMinutes(2));
        var first = await Runs.FinishAsync(run.Id, CollectionRunStatus.Succeeded, new CollectionProgress(10, 10, 0, 50, 4950));
        Clock.Advance(TimeSpan.FromSeconds(1));

        var second = await Runs.FinishAsync(run.Id, CollectionRunStatus.CompletedWithErrors, new CollectionProgress(10, 9, 1, 48, 4952));

        first.ShouldBe(run with { Status = CollectionRunStatus.Succeeded, FinishedAt = Start.AddMinutes(2), ReposTotal = 10, ReposOk = 10, ApiCalls = 50, RateLimitRemaining = 4950 });
        second.ShouldBe(first);
        (await Runs.FindAsync(run.Id)).ShouldBe(first);
    }
}
