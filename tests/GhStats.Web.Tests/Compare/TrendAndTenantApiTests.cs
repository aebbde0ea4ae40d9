using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;
using static GhStats.Web.Tests.Compare.CompareWorld;

namespace GhStats.Web.Tests.Compare;

/// <summary>
/// The previous period of the same length on the summary and a repository's series (a percentage only when both
/// periods are fully known), and GET /traffic/tenant: views and clones summed, uniques never summed.
/// </summary>
public sealed class TrendAndTenantApiTests
{
    [Fact]
    public async Task TheSummary_GivesThePreviousPeriodAndItsChange_OnlyWhereBothPeriodsAreKnown()
    {
        await using var world = await StartAsync();
        var owner = world.App.As(world.Owner);

        var summary = await owner.GetJsonAsync("api/v1/traffic/summary?tenant=acme&from=2025-06-09&to=2025-06-15");
        var alpha = Row(summary, world.Alpha.Id).GetProperty("previous");
        alpha.GetProperty("from").GetString().ShouldBe("2025-06-02");
        alpha.GetProperty("to").GetString().ShouldBe("2025-06-08");
        alpha.GetProperty("views").GetInt64().ShouldBe(70);
        alpha.GetProperty("state").GetString().ShouldBe("comparable");
        alpha.GetProperty("viewsChange").GetDouble().ShouldBe(100);
        alpha.GetProperty("clonesChange").GetDouble().ShouldBe(0);

        // beta's previous week starts before its first read: no percentage, and the reason.
        var beta = Row(summary, world.Beta.Id).GetProperty("previous");
        beta.GetProperty("state").GetString().ShouldBe("previousIncomplete");
        beta.GetProperty("knownDays").GetInt32().ShouldBe(4);
        beta.GetProperty("viewsChange").ValueKind.ShouldBe(JsonValueKind.Null);

        // From a known zero there is no percentage either, though both periods are known.
        var fromZero = Row(await owner.GetJsonAsync("api/v1/traffic/summary?tenant=acme&from=2025-06-13&to=2025-06-15"), world.Beta.Id).GetProperty("previous");
        fromZero.GetProperty("state").GetString().ShouldBe("comparable");
        fromZero.GetProperty("views").GetInt64().ShouldBe(0);
        fromZero.GetProperty("viewsChange").ValueKind.ShouldBe(JsonValueKind.Null);

        // A current period with days not collected says so.
        var current = Row(await owner.GetJsonAsync("api/v1/traffic/summary?tenant=acme&from=2025-06-12&to=2025-06-18"), world.Alpha.Id).GetProperty("previous");
        current.GetProperty("state").GetString().ShouldBe("currentIncomplete");
    }

    [Fact]
    public async Task ARepositorysSeries_GivesThePreviousPeriodOfTheSameLength()
    {
        await using var world = await StartAsync();

        var series = await world.App.As(world.Granted).GetJsonAsync($"api/v1/repos/{world.Alpha.Id}/traffic?from=2025-06-09&to=2025-06-15");

        var previous = series.GetProperty("previous");
        previous.GetProperty("from").GetString().ShouldBe("2025-06-02");
        previous.GetProperty("days").GetInt32().ShouldBe(7);
        previous.GetProperty("views").GetInt64().ShouldBe(70);
        previous.GetProperty("viewsChange").GetDouble().ShouldBe(100);
    }

    [Fact]
    public async Task TheTenantView_SumsViewsAndClones_CountsKnownRepositories_AndNeverSumsUniques()
    {
        await using var world = await StartAsync();

        var tenant = await world.App.As(world.Viewer).GetJsonAsync("api/v1/traffic/tenant?tenant=acme&from=2025-06-01&to=2025-06-15");

        tenant.GetProperty("repositories").GetInt32().ShouldBe(3);
        var first = Point(tenant, "2025-06-01");
        first.GetProperty("repositoryDays").GetInt32().ShouldBe(3);
        first.GetProperty("knownRepositoryDays").GetInt32().ShouldBe(1);
        first.GetProperty("views").GetInt64().ShouldBe(3);
        first.GetProperty("coverage").GetString().ShouldBe("partial");
        var both = Point(tenant, "2025-06-13");
        both.GetProperty("views").GetInt64().ShouldBe(25);
        both.GetProperty("knownRepositoryDays").GetInt32().ShouldBe(2);
        both.GetProperty("uniqueViewsAtLeast").GetInt64().ShouldBe(4, "the busiest repository's 4, not 4 + 2");
        tenant.GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(3 + (7 * 10) + (7 * 20) + (3 * 5));
    }

    [Fact]
    public async Task TheTenantView_PerWeek_AndForAGrantedUser_CoversOnlyWhatTheyMayRead()
    {
        await using var world = await StartAsync();

        var weekly = await world.App.As(world.Granted).GetJsonAsync("api/v1/traffic/tenant?tenant=acme&from=2025-06-01&to=2025-06-15&per=week");

        weekly.GetProperty("repositories").GetInt32().ShouldBe(1);
        var week = Point(weekly, "2025-06-09");
        week.GetProperty("repositoryDays").GetInt32().ShouldBe(7);
        week.GetProperty("views").GetInt64().ShouldBe(7 * 20);
        Point(weekly, "2025-05-26").GetProperty("knownRepositoryDays").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task TheTenantView_NeedsATenantTheCallerSees()
    {
        await using var world = await StartAsync();

        using var none = await world.App.As(world.Owner).GetAsync("api/v1/traffic/tenant");
        using var foreign = await world.App.As(world.Outsider).GetAsync("api/v1/traffic/tenant?tenant=acme");

        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static JsonElement Row(JsonElement summary, long id) =>
        summary.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("repoId").GetInt64() == id);

    private static JsonElement Point(JsonElement tenant, string date) =>
        tenant.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("date").GetString() == date);
}
