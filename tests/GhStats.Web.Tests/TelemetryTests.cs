using System.Diagnostics.Metrics;
using System.Net;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.Telemetry;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>What the web module records on GhStats' meter and in its log, seen through a real MeterListener and logger.</summary>
public sealed class TelemetryTests
{
    private const string Requests = "ghstats.http.requests";
    private const string CacheLookups = "ghstats.cache.lookups";

    [Fact]
    public async Task ApiCalls_AreCountedByRouteTemplate_WithoutThePrefixOrTheConcretePath()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Prefix = "/stats" });
        using var metrics = new MetricRecorder(app.Get<IMeterFactory>());
        var (viewer, repository) = await SeedAsync(app, "telemetry-requests");

        for (var i = 0; i < 3; i++)
        {
            using var response = await viewer.GetAsync($"api/v1/repos/{repository.Id}/traffic?from=2026-11-01&to=2026-11-03");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var counted = await metrics.WaitForAsync(Requests, m => m.Count(IsTraffic) >= 3);
        counted.Count(IsTraffic).ShouldBe(3);
        counted.Where(IsTraffic).ShouldAllBe(m => m.Tag("method") == "GET" && m.Tag("status") == "200");
        counted.ShouldAllBe(m => !m.Tag("route")!.Contains("/" + repository.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/", StringComparison.Ordinal));
        counted.ShouldAllBe(m => !m.Tag("route")!.StartsWith("/stats", StringComparison.Ordinal));

        static bool IsTraffic(MetricRecorder.Measurement m) => m.Tag("route") == "/api/v1/repos/{id:long}/traffic";
    }

    [Fact]
    public async Task ARequestRefusedBeforeItsEndpointRuns_IsCountedWithItsStatus()
    {
        await using var app = await WebApp.StartAsync();
        using var metrics = new MetricRecorder(app.Get<IMeterFactory>());
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var counted = await metrics.WaitForAsync(Requests, m => m.Any(r => r.Tag("route") == "/api/v1/me"));
        counted.ShouldContain(m => m.Tag("route") == "/api/v1/me" && m.Tag("status") == "401");
    }

    [Fact]
    public async Task RequestsOutsideGhStats_AreNotCounted()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Prefix = "/stats" });
        using var metrics = new MetricRecorder(app.Get<IMeterFactory>());
        using var root = new WebCaller(app.Root);

        using var outside = await root.GetAsync("not-ghstats");
        using var inside = await root.GetAsync("stats/healthz");

        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var counted = await metrics.WaitForAsync(Requests, m => m.Any(r => r.Tag("route") == "/healthz"));
        counted.ShouldHaveSingleItem().Tag("route").ShouldBe("/healthz");
    }

    [Fact]
    public async Task ASecondTrafficRead_IsACacheHit()
    {
        await using var app = await WebApp.StartAsync();
        using var metrics = new MetricRecorder(app.Get<IMeterFactory>());
        var (viewer, repository) = await SeedAsync(app, "telemetry-cache");
        var path = $"api/v1/repos/{repository.Id}/traffic?from=2026-11-01&to=2026-11-03";

        (await viewer.GetJsonAsync(path)).GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(5);
        var afterFirst = metrics.Of(CacheLookups).Where(m => m.Tag("cache") == "traffic").Select(m => m.Tag("result")).ToList();
        (await viewer.GetJsonAsync(path)).GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(5);
        var afterSecond = metrics.Of(CacheLookups).Where(m => m.Tag("cache") == "traffic").Select(m => m.Tag("result")).ToList();

        afterFirst.ShouldBe(["miss"]);
        afterSecond.ShouldBe(["miss", "hit"]);
    }

    [Fact]
    public async Task ASecondCallWithTheSameToken_IsAnAccessCacheHit()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Settings = new Dictionary<string, string?> { ["GhStats:Api:AccessCacheLifetime"] = "00:05:00" } });
        using var metrics = new MetricRecorder(app.Get<IMeterFactory>());
        using var user = app.As(await app.CreateUserAsync("cached@telemetry.example"));

        await user.GetJsonAsync("api/v1/me");
        var afterFirst = metrics.Of(CacheLookups).Count(m => m.Tag("cache") == "access" && m.Tag("result") == "hit");
        await user.GetJsonAsync("api/v1/me");
        var afterSecond = metrics.Of(CacheLookups).Count(m => m.Tag("cache") == "access" && m.Tag("result") == "hit");

        afterSecond.ShouldBeGreaterThan(afterFirst);
    }

    [Fact]
    public async Task AnAuthorizationDenial_IsLoggedWithThePolicyAndTheUserId()
    {
        await using var app = await WebApp.StartAsync();
        var user = await app.CreateUserAsync("not-a-maintainer@telemetry.example");
        using var caller = app.As(user);

        using var response = await caller.GetAsync("api/v1/runs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var denial = app.Logs.Entries.Where(e => e.Message.StartsWith("Authorization denied", StringComparison.Ordinal)).ShouldHaveSingleItem();
        denial.Message.ShouldContain(GhStatsPolicies.Maintainer);
        denial.Message.ShouldContain($"user {user.Id} ");
        denial.Message.ShouldNotContain(user.Token);
    }

    [Fact]
    public async Task CronCalls_AreLogged_WhenRefusedForAMissingSecret_AndWhenAccepted()
    {
        const string secret = "a-cron-secret-of-at-least-32-characters-long";
        await using var app = await WebApp.StartAsync(new WebAppOptions { Settings = new Dictionary<string, string?> { ["GhStats:Cron:Secret"] = secret } });
        using var anonymous = app.Anonymous();
        using var scheduler = new WebCaller(app.BaseAddress, secret);

        using var refused = await anonymous.PostJsonAsync("api/v1/collect", null);
        using var accepted = await scheduler.PostJsonAsync("api/v1/collect", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var messages = app.Logs.Entries.Where(e => e.Category.EndsWith("CollectEndpoints", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        messages.ShouldContain(m => m.Contains("without a secret or a sign-in", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("Collection run ", StringComparison.Ordinal) && m.Contains("accepted (Cron", StringComparison.Ordinal));
        messages.ShouldAllBe(m => !m.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedDevelopmentSignIn_IsLogged()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Environment = "Production" });
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("signin/development");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Development sign-in refused", StringComparison.Ordinal));
    }

    private static async Task<(WebCaller Viewer, TrackedRepository Repository)> SeedAsync(WebApp app, string slug)
    {
        var tenant = await app.CreateTenantAsync(slug);
        var repository = await app.TrackAsync(tenant, "telemetry-owner", slug);
        await app.Get<ITrafficStore>().MergeTrafficDaysAsync([new TrafficDay(repository.Id, new DateOnly(2026, 11, 2), 5, 2, 1, 1)]);
        var viewer = await app.CreateUserAsync($"viewer@{slug}.example");
        await app.AddMemberAsync(tenant, viewer, TenantRole.Viewer);
        return (app.As(viewer), repository);
    }
}
