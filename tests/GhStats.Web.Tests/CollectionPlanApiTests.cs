using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>GET /api/v1/tenants/{tenant}/collection-plan: each connection's budget and what it keeps fresh, for the tenant's owners.</summary>
public sealed class CollectionPlanApiTests
{
    // A Sunday: the next UTC day, a Monday, reads GitHub's weekly figures too.
    private static readonly DateTimeOffset Sunday = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheOwner_GetsEveryConnectionsPlan_WithTheLimitSeenOrAssumed()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Clock = new CalendarClock(Sunday), ConfigureCollector = o => o.Schedule = "0 * * * *" });
        var acme = await app.CreateTenantAsync("plan-acme");
        var token = await app.AddConnectionAsync(acme, "Acme token", "https://api.github.com", "ghp_planToken");
        var enterprise = await app.AddConnectionAsync(acme, "Acme app", "https://api.github.com", "ghp_planOther");
        await app.TrackAsync(acme, "acme", "one", token.Id);
        await app.TrackAsync(acme, "acme", "two");
        await app.TrackAsync(acme, "acme", "three", enterprise.Id);
        var runs = app.Get<ICollectionRunStore>();
        var lanes = app.Get<ICollectionLaneStore>();
        var run = await runs.StartAsync(CollectionTrigger.Manual, "test", acme.Id);
        var key = $"{acme.Id}:{enterprise.Id}";
        await lanes.AddAsync(run.Id, [new CollectionLanePlan(key, acme.Id, enterprise.Id, 1)]);
        (await lanes.ClaimAsync(run.Id, "plan-test", TimeSpan.FromMinutes(1))).ShouldNotBeNull();
        await lanes.CompleteAsync(run.Id, key, "plan-test", new CollectionLaneProgress(1, 0, 0, 7, 15_000, 14_993));
        var owner = await app.CreateUserAsync("owner@plan.example");
        await app.AddMemberAsync(acme, owner, TenantRole.Owner);

        var plan = await app.As(owner).GetJsonAsync("api/v1/tenants/plan-acme/collection-plan");

        plan.GetProperty("runsPerDay").GetInt32().ShouldBe(24);
        plan.GetProperty("runsPerDaySource").GetString().ShouldBe("schedule");
        plan.GetProperty("nextDay").GetString().ShouldBe("2026-03-02");
        plan.GetProperty("nextDayReadsWeekly").GetBoolean().ShouldBeTrue();
        plan.GetProperty("repositoriesWithoutConnection").GetInt32().ShouldBe(0);
        var connections = plan.GetProperty("connections").EnumerateArray().ToList();
        connections.Select(c => c.GetProperty("name").GetString()).ShouldBe(["Acme token", "Acme app"]);

        // The first connection also collects the repository that names none; nothing was seen of its limit yet.
        var first = connections[0];
        first.GetProperty("connectionId").GetInt64().ShouldBe(token.Id);
        (first.GetProperty("repositories").GetInt32(), first.GetProperty("hourlyLimit").GetInt32(), first.GetProperty("hourlyLimitObserved").GetBoolean()).ShouldBe((2, 5_000, false));
        (first.GetProperty("callsPerRepositoryPerDay").GetInt32(), first.GetProperty("hourlyCapacity").GetInt32(), first.GetProperty("dailyCapacity").GetInt32()).ShouldBe((51, 2_264, 17_142));
        (first.GetProperty("nextDayCalls").GetInt64(), first.GetProperty("dailyBudget").GetInt64(), first.GetProperty("nextDayFits").GetBoolean()).ShouldBe((106L, 120_000L, true));
        first.GetProperty("lastRunCalls").ValueKind.ShouldBe(JsonValueKind.Null);

        var second = connections[1];
        (second.GetProperty("repositories").GetInt32(), second.GetProperty("hourlyLimit").GetInt32(), second.GetProperty("hourlyLimitObserved").GetBoolean()).ShouldBe((1, 15_000, true));
        (second.GetProperty("hourlyCapacity").GetInt32(), second.GetProperty("lastRunCalls").GetInt32(), second.GetProperty("countersByGraphQL").GetBoolean()).ShouldBe((6_792, 7, true));
    }

    [Fact]
    public async Task AViewer_IsRefused_AndAnotherTenant_IsNotFound()
    {
        await using var app = await WebApp.StartAsync();
        var acme = await app.CreateTenantAsync("plan-viewed");
        await app.CreateTenantAsync("plan-elsewhere");
        var viewer = await app.CreateUserAsync("viewer@plan.example");
        await app.AddMemberAsync(acme, viewer, TenantRole.Viewer);

        using var refused = await app.As(viewer).GetAsync("api/v1/tenants/plan-viewed/collection-plan");
        using var unknown = await app.As(viewer).GetAsync("api/v1/tenants/plan-elsewhere/collection-plan");

        (refused.StatusCode, unknown.StatusCode).ShouldBe((HttpStatusCode.Forbidden, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task WithoutTheCollector_TheAppSaysWhatToAdd()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { AddCollector = false });
        var acme = await app.CreateTenantAsync("plan-nocollector");
        var owner = await app.CreateUserAsync("owner@nocollector.example");
        await app.AddMemberAsync(acme, owner, TenantRole.Owner);

        using var response = await app.As(owner).GetAsync("api/v1/tenants/plan-nocollector/collection-plan");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain(".AddGitHubCollector()");
    }
}
