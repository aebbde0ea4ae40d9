using System.Globalization;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// The whole path over HTTP: an owner adds a connection to the GitHub simulator and tracks a repository, a maintainer
/// collects, and the API then serves exactly what the simulator served. The app's calendar is the simulator's.
/// </summary>
public sealed class SimulatorEndToEndTests(SimulatorEndToEndTests.CollectedApp fixture) : IClassFixture<SimulatorEndToEndTests.CollectedApp>
{
    private string Range => $"from={Day(fixture.Today.AddDays(-13))}&to={Day(fixture.Today)}";

    [Fact]
    public void TheRun_Succeeded_WithNoErrors()
    {
        var run = fixture.Run;

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("trigger").GetString().ShouldBe("manual");
        run.GetProperty("reposOk").GetInt32().ShouldBe(1);
        run.GetProperty("reposFailed").GetInt32().ShouldBe(0);
        run.GetProperty("apiCalls").GetInt32().ShouldBeGreaterThan(0);
        run.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task DailyTraffic_IsWhatTheSimulatorServed()
    {
        var traffic = await fixture.Owner.GetJsonAsync($"api/v1/repos/{fixture.RepositoryId}/traffic?{Range}");

        var expected = fixture.ServedDays.Where(d => d.Views > 0 || d.Clones > 0).ToList();
        expected.Count.ShouldBeGreaterThan(5, "the simulator should serve some traffic for this seed");
        traffic.GetProperty("per").GetString().ShouldBe("day");

        // One read proves its whole window: every day of the range, the days GitHub left out as zeros, the edges partial.
        var served = expected.ToDictionary(d => d.Start);
        var days = Enumerable.Range(0, 14).Select(i => fixture.Today.AddDays(i - 13)).ToList();
        days.ShouldContain(d => !served.ContainsKey(d), "the simulator should leave a zero day out for this seed");
        traffic.GetProperty("points").EnumerateArray()
            .Select(p => (Date(p), p.GetProperty("coverage").GetString()!, p.GetProperty("views").GetInt64(), p.GetProperty("uniqueViews").GetInt64(), p.GetProperty("clones").GetInt64(), p.GetProperty("uniqueClones").GetInt64()))
            .ShouldBe(days.Select(d => (d, d == days[0] || d == days[^1] ? "partial" : "complete",
                (long)(served.GetValueOrDefault(d)?.Views ?? 0), (long)(served.GetValueOrDefault(d)?.UniqueViews ?? 0),
                (long)(served.GetValueOrDefault(d)?.Clones ?? 0), (long)(served.GetValueOrDefault(d)?.UniqueClones ?? 0))));
        var totals = traffic.GetProperty("totals");
        totals.GetProperty("views").GetInt64().ShouldBe(expected.Sum(d => d.Views));
        totals.GetProperty("clones").GetInt64().ShouldBe(expected.Sum(d => d.Clones));
        totals.GetProperty("peakDailyUniqueViews").GetInt64().ShouldBe(expected.Max(d => d.UniqueViews));
        totals.GetProperty("peakDailyUniqueClones").GetInt64().ShouldBe(expected.Max(d => d.UniqueClones));
        totals.GetProperty("daysWithData").GetInt32().ShouldBe(14);
        totals.GetProperty("days").GetInt32().ShouldBe(14);
        totals.GetProperty("knownDays").GetInt32().ShouldBe(14);
        totals.GetProperty("partialDays").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task WeeklyTraffic_SumsTheDays_AndTakesGitHubsWeeklyUniques()
    {
        var traffic = await fixture.Owner.GetJsonAsync($"api/v1/repos/{fixture.RepositoryId}/traffic?{Range}&per=week");

        var points = traffic.GetProperty("points").EnumerateArray().ToDictionary(Date);
        var weeks = fixture.ServedWeeks.Where(w => w.Views > 0 || w.Clones > 0).ToList();
        points.Keys.ShouldBe(weeks.Select(w => w.Start), ignoreOrder: false);
        foreach (var week in weeks)
        {
            var point = points[week.Start];
            point.GetProperty("views").GetInt64().ShouldBe(week.Views, $"week of {week.Start}");
            point.GetProperty("uniqueViews").GetInt64().ShouldBe(week.UniqueViews, $"week of {week.Start}");
            point.GetProperty("clones").GetInt64().ShouldBe(week.Clones, $"week of {week.Start}");
            point.GetProperty("uniqueClones").GetInt64().ShouldBe(week.UniqueClones, $"week of {week.Start}");
        }
    }

    [Fact]
    public async Task Referrers_AreTheSimulatorsTopTen_CapturedToday()
    {
        var referrers = await fixture.Owner.GetJsonAsync($"api/v1/repos/{fixture.RepositoryId}/referrers?{Range}");

        var expected = fixture.Simulated.ReferrersAt(fixture.SimulatedNow);
        expected.ShouldNotBeEmpty();
        referrers.GetProperty("history").EnumerateArray()
            .Select(s => (Date(s, "capturedOn"), s.GetProperty("referrer").GetString(), s.GetProperty("views").GetInt32(), s.GetProperty("uniqueViews").GetInt32()))
            .ShouldBe(expected.Select(r => (fixture.Today, (string?)r.Referrer, r.Count, Math.Min(r.Uniques, r.Count))), ignoreOrder: true);
        referrers.GetProperty("top").EnumerateArray().Select(r => r.GetProperty("views").GetInt32())
            .ShouldBe(expected.Select(r => r.Count).OrderByDescending(c => c));
    }

    [Fact]
    public async Task Paths_AreTheSimulatorsPopularContent_CapturedToday()
    {
        var paths = await fixture.Owner.GetJsonAsync($"api/v1/repos/{fixture.RepositoryId}/paths?{Range}");

        var expected = fixture.Simulated.PathsAt(fixture.SimulatedNow);
        expected.ShouldNotBeEmpty();
        paths.GetProperty("history").EnumerateArray()
            .Select(s => (Date(s, "capturedOn"), s.GetProperty("path").GetString(), s.GetProperty("title").GetString(), s.GetProperty("views").GetInt32(), s.GetProperty("uniqueViews").GetInt32()))
            .ShouldBe(expected.Select(p => (fixture.Today, (string?)p.Path, (string?)p.Title, p.Count, Math.Min(p.Uniques, p.Count))), ignoreOrder: true);
    }

    [Fact]
    public async Task Stats_AreTheSimulatorsCounters()
    {
        var stats = await fixture.Owner.GetJsonAsync($"api/v1/repos/{fixture.RepositoryId}/stats?{Range}");

        var point = stats.GetProperty("points").EnumerateArray().ShouldHaveSingleItem();
        var simulated = fixture.Simulated;
        Date(point).ShouldBe(fixture.Today);
        point.GetProperty("stars").GetInt32().ShouldBe(simulated.Stars);
        point.GetProperty("forks").GetInt32().ShouldBe(simulated.Forks);
        point.GetProperty("watchers").GetInt32().ShouldBe(simulated.Watchers);
        point.GetProperty("openIssues").GetInt32().ShouldBe(simulated.OpenIssues);
        point.GetProperty("sizeKb").GetInt64().ShouldBe(simulated.SizeKb);
    }

    [Fact]
    public async Task TheTenantSummary_TotalsWhatTheSimulatorServed()
    {
        var summary = await fixture.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=e2e&{Range}");

        var row = summary.GetProperty("repositories").EnumerateArray().ShouldHaveSingleItem();
        var served = fixture.ServedDays.Where(d => d.Views > 0 || d.Clones > 0).ToList();
        row.GetProperty("repoId").GetInt64().ShouldBe(fixture.RepositoryId);
        row.GetProperty("fullName").GetString().ShouldBe("octo/e2e");
        row.GetProperty("views").GetInt64().ShouldBe(served.Sum(d => d.Views));
        row.GetProperty("clones").GetInt64().ShouldBe(served.Sum(d => d.Clones));
        row.GetProperty("peakDailyUniqueViews").GetInt64().ShouldBe(served.Max(d => d.UniqueViews));
        row.GetProperty("peakDailyUniqueClones").GetInt64().ShouldBe(served.Max(d => d.UniqueClones));
        row.GetProperty("daysWithData").GetInt32().ShouldBe(14, "the read proved its whole window, zero days included");
        row.GetProperty("days").GetInt32().ShouldBe(14);
        row.GetProperty("knownDays").GetInt32().ShouldBe(14);
        row.GetProperty("partialDays").GetInt32().ShouldBe(2);
        var horizon = row.GetProperty("horizon");
        horizon.GetProperty("state").GetString().ShouldBe("fine");
        horizon.GetProperty("lastDailyReadOn").GetString().ShouldBe(Day(fixture.Today));
        horizon.GetProperty("daysSinceRead").GetInt32().ShouldBe(0);
        row.GetProperty("stars").GetInt32().ShouldBe(fixture.Simulated.Stars);
        row.GetProperty("forks").GetInt32().ShouldBe(fixture.Simulated.Forks);
        row.GetProperty("lastStatus").GetString().ShouldBe("ok");
    }

    private static DateOnly Date(JsonElement element) => Date(element, "date");

    private static DateOnly Date(JsonElement element, string property) =>
        DateOnly.ParseExact(element.GetProperty(property).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The simulator serving octo/e2e, and an app on the simulator's calendar where an owner added the connection and
    /// the repository through the API and a maintainer collected through the API.
    /// </summary>
    public sealed class CollectedApp : IAsyncLifetime
    {
        private GitHubSimulator? _simulator;
        private WebApp? _app;

        public DateTimeOffset SimulatedNow { get; private set; }

        public DateOnly Today => DateOnly.FromDateTime(SimulatedNow.UtcDateTime);

        public SimulatedRepository Simulated { get; private set; } = null!;

        public IReadOnlyList<SimulatedTraffic> ServedDays => Simulated.ServedDays(SimulatedNow);

        public IReadOnlyList<SimulatedTraffic> ServedWeeks => Simulated.ServedWeeks(SimulatedNow);

        public WebCaller Owner { get; private set; } = null!;

        public long RepositoryId { get; private set; }

        public JsonElement Run { get; private set; }

        public async Task InitializeAsync()
        {
            _simulator = await GitHubSimulator.StartAsync();
            SimulatedNow = _simulator.Clock.GetUtcNow();
            Simulated = _simulator.AddRepository("octo", "e2e", seed: 42);
            var gitHubToken = _simulator.AddToken(canPushTo: "octo/e2e");

            _app = await WebApp.StartAsync(new WebAppOptions { Clock = new CalendarClock(SimulatedNow) });
            var tenant = await _app.CreateTenantAsync("e2e");
            var owner = await _app.CreateUserAsync("owner@e2e.example");
            await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
            Owner = _app.As(owner);
            var maintainer = _app.As(await _app.CreateUserAsync("maintainer@e2e.example", SystemRole.Maintainer));

            var connection = await Owner.PostJsonExpectingAsync("api/v1/tenants/e2e/connections",
                new { name = "simulator", kind = "pat", apiBaseUrl = _simulator.BaseAddress, token = gitHubToken }, HttpStatusCode.Created);
            var repository = await Owner.PostJsonExpectingAsync("api/v1/repos",
                new { tenant = "e2e", fullName = "octo/e2e", connectionId = connection.GetProperty("id").GetInt64() }, HttpStatusCode.Created);
            RepositoryId = repository.GetProperty("id").GetInt64();

            Run = await maintainer.CollectAsync("e2e");
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_simulator is not null)
            {
                await _simulator.DisposeAsync();
            }
        }
    }
}
