using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.GitHub.Collection;
using GhStats.Testing;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>Views and clones first: when a lane's limit left spares a repository's daily and weekly reads, worked out by hand.</summary>
public sealed class CollectionLaneBudgetTests
{
    private static readonly DateTimeOffset Added = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SlowReads_AreSpared_OnlyWhileTheLimitLeftCoversEveryRepositorysViewsAndClones_ThisOneIncluded()
    {
        using var lane = Lane(repositories: 10);

        // 10 repositories not yet done need 20 calls for views and clones; 6 slow calls on top need 26.
        lane.TryPledgeSlowReads(remaining: 25, slowCalls: 6).ShouldBeFalse();
        lane.TryPledgeSlowReads(remaining: 26, slowCalls: 6).ShouldBeTrue();

        // Pledged and not yet released, those 6 may not have been made: the same 26 left no longer spares another.
        lane.TryPledgeSlowReads(remaining: 26, slowCalls: 6).ShouldBeFalse();
        lane.TryPledgeSlowReads(remaining: 32, slowCalls: 6).ShouldBeTrue();
        lane.ReleaseSlowReads(6);
        lane.ReleaseSlowReads(6);

        // One repository done: its views and clones are no longer reserved.
        lane.RepositoryDone();
        lane.TryPledgeSlowReads(remaining: 24, slowCalls: 6).ShouldBeTrue();
    }

    [Fact]
    public void WhileTheLimitLeftIsUnknown_SlowReadsGoAhead_AndCountOnceItIsKnown()
    {
        using var lane = Lane(repositories: 3);

        // Before any answer (the lane's first repositories start at once): nothing to hold them back by.
        lane.TryPledgeSlowReads(remaining: null, slowCalls: 6).ShouldBeTrue();
        lane.TryPledgeSlowReads(remaining: null, slowCalls: 6).ShouldBeTrue();

        // Then 18 left: 6 for the three repositories' views and clones, 12 pledged to the two still in flight.
        lane.TryPledgeSlowReads(remaining: 18, slowCalls: 6).ShouldBeFalse();
        lane.ReleaseSlowReads(6);
        lane.TryPledgeSlowReads(remaining: 18, slowCalls: 6).ShouldBeTrue();
    }

    [Fact]
    public void NothingDue_IsNothingToSpare()
    {
        using var lane = Lane(repositories: 1);
        lane.TryPledgeSlowReads(remaining: 5_000, slowCalls: 0).ShouldBeFalse();
        lane.TryPledgeSlowReads(remaining: 5_000, slowCalls: 4).ShouldBeTrue("the pledge of nothing left nothing pledged");
    }

    [Fact]
    public void TheLimitLeft_IsForgottenOnceItResets()
    {
        var clock = new CalendarClock(Added);
        var budget = new GitHubApiBudget(900, TimeSpan.FromMinutes(1), clock);
        budget.RemainingNow().ShouldBeNull("no answer yet");

        budget.Observe(12, Added.AddMinutes(30));
        budget.RemainingNow().ShouldBe(12);
        clock.Set(Added.AddMinutes(31));
        budget.RemainingNow().ShouldBeNull("the limit reset since: the next answer tells the new figure");

        budget.Observe(4_999, null);
        budget.RemainingNow().ShouldBe(4_999);
    }

    [Fact]
    public void TheSlowReadsDue_CostTheirCalls()
    {
        var monday = new DateOnly(2026, 3, 2);
        var fresh = Repository(1) with { DailyCollectedOn = monday, WeeklyCollectedOn = monday };
        RepositoryCollector.SlowReadCalls(fresh, monday, starBackfillPages: 2).ShouldBe(0);
        RepositoryCollector.SlowReadCalls(fresh, monday.AddDays(1), starBackfillPages: 2).ShouldBe(4 + 2, "Tuesday: the daily reads and the backfill's pages");
        RepositoryCollector.SlowReadCalls(fresh, monday.AddDays(7), starBackfillPages: 0).ShouldBe(4 + 2, "next Monday: the daily reads and the two weekly figures");
        RepositoryCollector.SlowReadCalls(Repository(2), monday, starBackfillPages: 0).ShouldBe(6, "never read: everything");
    }

    private static CollectionLane Lane(int repositories) =>
        new(1, 7, Enumerable.Range(1, repositories).Select(i => Repository(i)));

    private static TrackedRepository Repository(long id) =>
        new(id, 1, 7, "octo", "repo" + id, null, Added, null, null, null);
}
