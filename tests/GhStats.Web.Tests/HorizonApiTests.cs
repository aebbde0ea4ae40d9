using System.Globalization;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// GET /api/v1/horizon and the horizon and coverage on repositories and series: scoped like GET /repos, worst first, and
/// never a zero for a day not collected.
/// </summary>
public sealed class HorizonApiTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task Horizon_CountsWhatTheCallerMaySee_AndListsThoseNotFine_WorstFirst()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Clock = new CalendarClock(Now) });
        var acme = await app.CreateTenantAsync("acme");
        var other = await app.CreateTenantAsync("other");
        var fine = await app.TrackAsync(acme, "octo", "fine");
        var risky = await app.TrackAsync(acme, "octo", "risky");
        var losing = await app.TrackAsync(acme, "octo", "losing");
        var elsewhere = await app.TrackAsync(other, "octo", "elsewhere");
        var traffic = app.Get<ITrafficStore>();
        await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(fine.Id, Today, []));
        await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(risky.Id, Today.AddDays(-8), []));
        await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(losing.Id, Today.AddDays(-20), []));
        await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(elsewhere.Id, Today.AddDays(-30), []));
        var owner = await app.CreateUserAsync("owner@acme.example");
        await app.AddMemberAsync(acme, owner, TenantRole.Owner);
        var granted = await app.CreateUserAsync("one@acme.example");
        await app.GrantAsync(granted, risky);

        var horizon = await app.As(owner).GetJsonAsync("api/v1/horizon");

        horizon.GetProperty("atRiskAfterDays").GetInt32().ShouldBe(7);
        (horizon.GetProperty("fine").GetInt32(), horizon.GetProperty("atRisk").GetInt32(), horizon.GetProperty("losingDays").GetInt32()).ShouldBe((1, 1, 1));
        var listed = horizon.GetProperty("repositories").EnumerateArray().ToList();
        listed.Select(r => r.GetProperty("fullName").GetString()).ShouldBe(["octo/losing", "octo/risky"]);
        listed[0].GetProperty("tenant").GetString().ShouldBe("acme");
        listed[0].GetProperty("repoId").GetInt64().ShouldBe(losing.Id);
        Horizon(listed[0]).ShouldBe(("losingDays", Day(Today.AddDays(-20)), 20));
        Horizon(listed[1]).ShouldBe(("atRisk", Day(Today.AddDays(-8)), 8));

        // A single-repository grant sees only that repository; another tenant is not found.
        var one = await app.As(granted).GetJsonAsync("api/v1/horizon");
        (one.GetProperty("fine").GetInt32(), one.GetProperty("atRisk").GetInt32(), one.GetProperty("losingDays").GetInt32()).ShouldBe((0, 1, 0));
        one.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("repoId").GetInt64()).ShouldBe([risky.Id]);
        using var refused = await app.As(owner).GetAsync("api/v1/horizon?tenant=other");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Repositories carry the same horizon.
        var repositories = (await app.As(owner).GetJsonAsync("api/v1/repos?tenant=acme")).EnumerateArray()
            .ToDictionary(r => r.GetProperty("fullName").GetString()!, r => Horizon(r));
        repositories["octo/fine"].ShouldBe(("fine", Day(Today), 0));
        repositories["octo/risky"].ShouldBe(("atRisk", Day(Today.AddDays(-8)), 8));
    }

    [Fact]
    public async Task DailySeries_GivesNullCounts_ForDaysNotCollected_AndWeeksCountTheirKnownDays()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Clock = new CalendarClock(Now) });
        var acme = await app.CreateTenantAsync("acme");
        var repository = await app.TrackAsync(acme, "octo", "gaps");
        await app.Get<ITrafficStore>().MergeTrafficWindowAsync(TrafficWindow.FromRead(repository.Id, Today, [new TrafficDay(repository.Id, Today.AddDays(-2), 5, 2, 1, 1)]));
        var owner = await app.CreateUserAsync("owner@acme.example");
        await app.AddMemberAsync(acme, owner, TenantRole.Owner);

        var series = await app.As(owner).GetJsonAsync($"api/v1/repos/{repository.Id}/traffic?from={Day(Today.AddDays(-15))}&to={Day(Today)}");

        var points = series.GetProperty("points").EnumerateArray().ToList();
        points.Count.ShouldBe(16);
        points[0].GetProperty("coverage").GetString().ShouldBe("notCollected");
        points[0].GetProperty("views").ValueKind.ShouldBe(JsonValueKind.Null);
        points[0].GetProperty("uniqueClones").ValueKind.ShouldBe(JsonValueKind.Null);
        points[0].TryGetProperty("knownDays", out _).ShouldBeFalse();
        points[2].GetProperty("coverage").GetString().ShouldBe("partial");
        points[3].GetProperty("coverage").GetString().ShouldBe("complete");
        points[3].GetProperty("views").GetInt64().ShouldBe(0, "a day GitHub left out of the window is a known zero");
        points[^3].GetProperty("views").GetInt64().ShouldBe(5);
        var totals = series.GetProperty("totals");
        (totals.GetProperty("days").GetInt32(), totals.GetProperty("knownDays").GetInt32(), totals.GetProperty("partialDays").GetInt32()).ShouldBe((16, 14, 2));

        var weeks = await app.As(owner).GetJsonAsync($"api/v1/repos/{repository.Id}/traffic?from={Day(Today.AddDays(-40))}&to={Day(Today)}&per=week");
        var weekPoints = weeks.GetProperty("points").EnumerateArray().ToList();
        weekPoints.ShouldAllBe(p => p.GetProperty("days").GetInt32() == 7);
        weekPoints.Sum(p => p.GetProperty("knownDays").GetInt32()).ShouldBe(14);
        weekPoints.Sum(p => p.GetProperty("partialDays").GetInt32()).ShouldBe(2);
        weekPoints[0].GetProperty("views").ValueKind.ShouldBe(JsonValueKind.Null);
        weekPoints[0].TryGetProperty("coverage", out _).ShouldBeFalse();
    }

    private static (string? State, string? LastDailyReadOn, int DaysSinceRead) Horizon(JsonElement element)
    {
        var horizon = element.GetProperty("horizon");
        return (horizon.GetProperty("state").GetString(), horizon.GetProperty("lastDailyReadOn").GetString(), horizon.GetProperty("daysSinceRead").GetInt32());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
