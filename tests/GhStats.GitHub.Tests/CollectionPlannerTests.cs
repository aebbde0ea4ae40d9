using GhStats.Domain;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The planner over real stores: where its runs per day and limits come from, and which repositories count for which connection.</summary>
public sealed class CollectionPlannerTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    // A Sunday noon: the next UTC day is a Monday, when the weekly figures are read too.
    private static readonly DateTimeOffset Sunday = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnHourlySchedule_PlansTwentyFourRuns_WithTheLimitGitHubLastSent_OrFiveThousandAssumed()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        await using var harness = new CollectorHarness(database, simulator, new CalendarClock(Sunday), o => o.Schedule = "0 * * * *");
        var tenant = await harness.NewTenantAsync();
        var first = await harness.AddTokenConnectionAsync(tenant.Id, "ghp_first");
        var second = await harness.AddTokenConnectionAsync(tenant.Id, "ghp_second");
        for (var r = 0; r < 3; r++)
        {
            await harness.Repositories.AddAsync(tenant.Id, "plan", $"first{r}", first.Id);
        }

        // Naming no connection, these go through the tenant's first.
        await harness.Repositories.AddAsync(tenant.Id, "plan", "unnamed0");
        await harness.Repositories.AddAsync(tenant.Id, "plan", "unnamed1");
        for (var r = 0; r < 4; r++)
        {
            await harness.Repositories.AddAsync(tenant.Id, "plan", $"second{r}", second.Id);
        }

        await FinishLaneAsync(harness, tenant.Id, second.Id, rateLimit: 15_000, apiCalls: 321);

        var plan = await harness.Services.GetRequiredService<ICollectionPlanner>().PlanAsync(tenant.Id);

        (plan.RunsPerDay, plan.RunsPerDaySource, plan.NextDay, plan.NextDayReadsWeekly, plan.RepositoriesWithoutConnection)
            .ShouldBe((24, RunsPerDaySource.Schedule, new DateOnly(2026, 3, 2), true, 0));
        plan.Connections.Select(c => c.ConnectionId).ShouldBe([first.Id, second.Id]);

        // GraphQL counters (the default): 24 x 2 + 3 = 51 calls a day, 53 on the Monday; 5,000 x 24 = 120,000 a day.
        var a = plan.Connections[0];
        (a.Repositories, a.HourlyLimit, a.HourlyLimitObserved, a.CountersByGraphQL, a.CallsPerRepositoryPerDay).ShouldBe((5, 5_000, false, true, 51));
        (a.HourlyCapacity, a.DailyCapacity, a.NextDayCalls, a.DailyBudget, a.NextDayFits).ShouldBe((2_264, 17_142, 5L * 53, 120_000L, true));
        (a.LastRunCalls, a.LastRunAt).ShouldBe((null, null));

        // 15,000 x 24 = 360,000: 360,000 / 53 = 6,792.5 hourly, 360,000 / 7 = 51,428.6 daily.
        var b = plan.Connections[1];
        (b.Repositories, b.HourlyLimit, b.HourlyLimitObserved).ShouldBe((4, 15_000, true));
        (b.HourlyCapacity, b.DailyCapacity, b.NextDayCalls, b.DailyBudget, b.NextDayFits).ShouldBe((6_792, 51_428, 4L * 53, 360_000L, true));
        b.LastRunCalls.ShouldBe(321);
        b.LastRunAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task WithoutASchedule_TheRunsOfTheLast24Hours_ForTheTenantOrAll_AreTheRunsPerDay()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var clock = new CalendarClock(Sunday.AddDays(-2));
        await using var harness = new CollectorHarness(database, simulator, clock, o => o.GraphQLBatchSize = 0);
        var tenant = await harness.NewTenantAsync();
        var other = await harness.NewTenantAsync();
        var connection = await harness.AddTokenConnectionAsync(tenant.Id, "ghp_recent");
        for (var r = 0; r < 1_000; r++)
        {
            await harness.Repositories.AddAsync(tenant.Id, "plan", $"r{r}", connection.Id);
        }

        await harness.Runs.StartAsync(CollectionTrigger.Cron, "cron", tenant.Id); // two days ago: not counted
        clock.Set(Sunday.AddHours(-20));
        await harness.Runs.StartAsync(CollectionTrigger.Cron, "cron", tenant.Id);
        clock.Set(Sunday.AddHours(-8));
        await harness.Runs.StartAsync(CollectionTrigger.Cron, "cron");
        await harness.Runs.StartAsync(CollectionTrigger.Manual, "someone", other.Id); // another tenant's: not counted
        clock.Set(Sunday);

        var plan = await harness.Services.GetRequiredService<ICollectionPlanner>().PlanAsync(tenant.Id);
        (plan.RunsPerDay, plan.RunsPerDaySource, plan.NextDayReadsWeekly).ShouldBe((2, RunsPerDaySource.RecentRuns, true));

        // REST counters, two runs: 2 x 2 + 4 = 8 calls a day, 10 on the Monday; 1,000 repositories need 10,000 of 120,000.
        var c = plan.Connections.ShouldHaveSingleItem();
        (c.CountersByGraphQL, c.CallsPerRepositoryPerDay, c.HourlyCapacity, c.DailyCapacity, c.NextDayCalls, c.NextDayFits)
            .ShouldBe((false, 8, 2_222, 15_000, 10_000L, true));

        // Monday 03:00: only the run for all tenants (Sunday 04:00) is within the last 24 hours; Tuesday reads no weekly figures.
        clock.Set(Sunday.AddHours(15));
        plan = await harness.Services.GetRequiredService<ICollectionPlanner>().PlanAsync(tenant.Id);
        (plan.RunsPerDay, plan.RunsPerDaySource, plan.NextDayReadsWeekly).ShouldBe((1, RunsPerDaySource.RecentRuns, false));
        plan.Connections[0].NextDayCalls.ShouldBe(6_000);
    }

    [Fact]
    public async Task WithNothingToGoBy_OneRunADayIsAssumed_AndRepositoriesWithoutAConnectionAreCounted()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        await using var harness = new CollectorHarness(database, simulator, new CalendarClock(Sunday));
        var tenant = await harness.NewTenantAsync();
        await harness.Repositories.AddAsync(tenant.Id, "plan", "alone0");
        await harness.Repositories.AddAsync(tenant.Id, "plan", "alone1");

        var plan = await harness.Services.GetRequiredService<ICollectionPlanner>().PlanAsync(tenant.Id);

        (plan.RunsPerDay, plan.RunsPerDaySource, plan.RepositoriesWithoutConnection).ShouldBe((1, RunsPerDaySource.Assumed, 2));
        plan.Connections.ShouldBeEmpty();
    }

    [Fact]
    public async Task MoreCallsThanTheDayHolds_DoNotFit()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        await using var harness = new CollectorHarness(database, simulator, new CalendarClock(Sunday), o => (o.Schedule, o.GraphQLBatchSize) = ("*/30 * * * *", 0));
        var tenant = await harness.NewTenantAsync();
        var connection = await harness.AddTokenConnectionAsync(tenant.Id, "ghp_small");
        for (var r = 0; r < 1_200; r++)
        {
            await harness.Repositories.AddAsync(tenant.Id, "plan", $"r{r}", connection.Id);
        }

        await FinishLaneAsync(harness, tenant.Id, connection.Id, rateLimit: 5_000, apiCalls: 4_000);

        var c = (await harness.Services.GetRequiredService<ICollectionPlanner>().PlanAsync(tenant.Id)).Connections.ShouldHaveSingleItem();

        // 48 runs: 48 x 2 + 4 + 2 = 102 calls each on the Monday, 122,400 for 1,200 repositories, over 120,000.
        (c.HourlyLimitObserved, c.CallsPerRepositoryPerDay, c.NextDayCalls, c.DailyBudget, c.NextDayFits).ShouldBe((true, 100, 122_400L, 120_000L, false));
    }

    private static async Task FinishLaneAsync(CollectorHarness harness, long tenantId, long connectionId, int rateLimit, int apiCalls)
    {
        var lanes = harness.Services.GetRequiredService<ICollectionLaneStore>();
        var run = await harness.Runs.StartAsync(CollectionTrigger.Manual, "test", tenantId);
        var key = $"{tenantId}:{connectionId}";
        await lanes.AddAsync(run.Id, [new CollectionLanePlan(key, tenantId, connectionId, 1)]);
        var claimed = await lanes.ClaimAsync(run.Id, "planner-test", TimeSpan.FromMinutes(1));
        claimed.ShouldNotBeNull().Key.ShouldBe(key);
        (await lanes.CompleteAsync(run.Id, key, "planner-test", new CollectionLaneProgress(1, 0, 0, apiCalls, rateLimit, rateLimit - apiCalls))).ShouldBeTrue();
    }
}
