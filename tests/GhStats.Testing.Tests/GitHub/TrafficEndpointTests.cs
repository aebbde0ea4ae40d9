using GhStats.Testing.GitHub;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class TrafficEndpointTests
{
    // Seed 5 has days without views in the window under test; seed 3 has views on every day the tests single out.
    private const int QuietSeed = 5;
    private static readonly DateTimeOffset WednesdayMorning = new(2025, 6, 18, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 6, 18);

    [Fact]
    public async Task DailyViews_MatchTheTruth_OnEveryFullDayOfTheLast14Days()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "acme/rocket"));

        var views = await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);

        var served = views.Views.ToDictionary(v => DateOnly.FromDateTime(v.Timestamp.UtcDateTime));
        served.Keys.ShouldAllBe(day => day >= Today.AddDays(-13) && day <= Today);
        views.Views.ShouldAllBe(v => v.Timestamp.TimeOfDay == TimeSpan.Zero && v.Timestamp.Offset == TimeSpan.Zero);
        for (var day = Today.AddDays(-12); day < Today; day = day.AddDays(1))
        {
            var truth = repository.DayTruth(day);
            if (truth.Views == 0)
            {
                served.ShouldNotContainKey(day);
                continue;
            }

            served[day].Count.ShouldBe(truth.Views, $"views of {day}");
            served[day].Uniques.ShouldBe(truth.UniqueViews, $"unique views of {day}");
        }

        views.Count.ShouldBe(views.Views.Sum(v => v.Count));
        views.Uniques.ShouldBeGreaterThanOrEqualTo(views.Views.Max(v => v.Uniques));
        views.Uniques.ShouldBeLessThanOrEqualTo(views.Views.Sum(v => v.Uniques));
        views.Uniques.ShouldBe(repository.ServedTotals(WednesdayMorning).UniqueViews);
    }

    [Fact]
    public async Task DailyClones_MatchTheTruth_OnEveryFullDayOfTheLast14Days()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var clones = await client.Repository.Traffic.GetClones("acme", "rocket", Octo.Daily);

        var served = clones.Clones.ToDictionary(c => DateOnly.FromDateTime(c.Timestamp.UtcDateTime));
        clones.Clones.ShouldNotBeEmpty();
        for (var day = Today.AddDays(-12); day < Today; day = day.AddDays(1))
        {
            var truth = repository.DayTruth(day);
            if (truth.Clones == 0)
            {
                served.ShouldNotContainKey(day);
                continue;
            }

            served[day].Count.ShouldBe(truth.Clones, $"clones of {day}");
            served[day].Uniques.ShouldBe(truth.UniqueClones, $"unique clones of {day}");
        }

        clones.Count.ShouldBe(clones.Clones.Sum(c => c.Count));
        clones.Uniques.ShouldBe(repository.ServedTotals(WednesdayMorning).UniqueClones);
    }

    [Fact]
    public async Task DaysWithoutViews_AreLeftOutOfTheArray()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "quiet", seed: QuietSeed);
        var zeroDays = Enumerable.Range(1, 12).Select(i => Today.AddDays(-i)).Where(d => repository.DayTruth(d).Views == 0).ToList();
        zeroDays.ShouldNotBeEmpty("the seed is chosen to have days without views in the window");
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var views = await client.Repository.Traffic.GetViews("acme", "quiet", Octo.Daily);

        var servedDays = views.Views.Select(v => DateOnly.FromDateTime(v.Timestamp.UtcDateTime)).ToList();
        servedDays.ShouldNotContain(d => zeroDays.Contains(d));
        views.Views.ShouldAllBe(v => v.Count > 0);
        views.Views.Count.ShouldBeLessThan(14);
    }

    [Fact]
    public async Task TheCurrentDay_IsPartial_AndGrowsUntilItIsWhole()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var truth = repository.DayTruth(Today);
        truth.Views.ShouldBeGreaterThan(3, "the seed is chosen to have views on the day under test");
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        simulator.Clock.Set(WednesdayMorning);
        var morning = ViewsOn(await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily), Today);
        simulator.Clock.Set(WednesdayMorning.AddHours(12));
        var evening = ViewsOn(await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily), Today);
        simulator.Clock.Set(WednesdayMorning.AddDays(1));
        var nextDay = ViewsOn(await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily), Today);

        morning.ShouldNotBeNull().Count.ShouldBe(truth.Views / 4);
        evening.ShouldNotBeNull().Count.ShouldBe(truth.Views * 3 / 4);
        evening.Count.ShouldBeGreaterThan(morning.Count);
        morning.Uniques.ShouldBeLessThanOrEqualTo(morning.Count);
        evening.Uniques.ShouldBeLessThanOrEqualTo(truth.UniqueViews);
        nextDay.ShouldNotBeNull().Count.ShouldBe(truth.Views);
        nextDay.Uniques.ShouldBe(truth.UniqueViews);
    }

    [Fact]
    public async Task TheOldestDay_IsCutShort_ByThePartOfTheDayThatHasPassed()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var oldest = Today.AddDays(-13);
        var truth = repository.DayTruth(oldest);
        truth.Views.ShouldBeGreaterThan(3, "the seed is chosen to have views on the day under test");
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var served = ViewsOn(await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily), oldest);

        served.ShouldNotBeNull().Count.ShouldBe(truth.Views * 3 / 4);
        served.Count.ShouldBeLessThan(truth.Views);
    }

    [Fact]
    public async Task TheWindow_MovesWithTheSimulatedClock()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var before = await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);
        simulator.Clock.Advance(TimeSpan.FromDays(3));
        var after = await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);

        before.Views.Max(v => v.Timestamp).ShouldBeLessThanOrEqualTo(new DateTimeOffset(2025, 6, 18, 0, 0, 0, TimeSpan.Zero));
        after.Views.Max(v => v.Timestamp).ShouldBeGreaterThan(new DateTimeOffset(2025, 6, 18, 0, 0, 0, TimeSpan.Zero));
        after.Views.Min(v => v.Timestamp).ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2025, 6, 8, 0, 0, 0, TimeSpan.Zero));
        var movedIn = ViewsOn(after, Today.AddDays(2)).ShouldNotBeNull();
        movedIn.Count.ShouldBe(repository.DayTruth(Today.AddDays(2)).Views);
    }

    [Fact]
    public async Task WeeklyViewsAndClones_StartOnMondays_AndAWeekFullyInsideTheWindowMatchesTheTruth()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var views = await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Weekly);
        var clones = await client.Repository.Traffic.GetClones("acme", "rocket", Octo.Weekly);

        // The window runs Thursday 5 June to Wednesday 18 June: the week of Monday 9 June lies wholly inside it.
        var fullWeek = new DateOnly(2025, 6, 9);
        var truth = repository.WeekTruth(fullWeek);
        views.Views.Select(v => v.Timestamp.Date).ShouldBe([new DateTime(2025, 6, 2), new DateTime(2025, 6, 9), new DateTime(2025, 6, 16)]);
        views.Views.ShouldAllBe(v => v.Timestamp.DayOfWeek == DayOfWeek.Monday);
        views.Views[1].Count.ShouldBe(truth.Views);
        views.Views[1].Uniques.ShouldBe(truth.UniqueViews);
        clones.Clones.Single(c => c.Timestamp.Date == new DateTime(2025, 6, 9)).Count.ShouldBe(truth.Clones);
        clones.Clones.Single(c => c.Timestamp.Date == new DateTime(2025, 6, 9)).Uniques.ShouldBe(truth.UniqueClones);

        // Partial weeks only count the days inside the window, so they fall short of the whole week.
        views.Views[0].Count.ShouldBeLessThan(repository.WeekTruth(new DateOnly(2025, 6, 2)).Views);
        views.Views[2].Count.ShouldBeLessThan(repository.WeekTruth(new DateOnly(2025, 6, 16)).Views);
        views.Count.ShouldBe(views.Views.Sum(v => v.Count));
    }

    [Fact]
    public async Task Referrers_AreTheTopTenByCount_AndHostileNamesArriveVerbatim()
    {
        const string Hostile = "<img src=x onerror=alert(1)>";
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var plain = simulator.AddRepository("acme", "rocket", seed: 3);
        simulator.AddRepository("acme", "evil", seed: 3, r => r.Referrers = [Hostile, "google.com", "\"quoted\" & 'ampersand'"]);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var referrers = await client.Repository.Traffic.GetAllReferrers("acme", "rocket");
        var hostile = await client.Repository.Traffic.GetAllReferrers("acme", "evil");

        referrers.Count.ShouldBeInRange(1, 10);
        referrers.Select(r => r.Count).ShouldBeInOrder(Shouldly.SortDirection.Descending);
        referrers.ShouldAllBe(r => r.Uniques <= r.Count && r.Uniques > 0);
        referrers.Select(r => (r.Referrer, r.Count, r.Uniques))
            .ShouldBe(plain.ReferrersAt(WednesdayMorning).Select(r => (r.Referrer, r.Count, r.Uniques)));
        hostile.Select(r => r.Referrer).ShouldBe([Hostile, "google.com", "\"quoted\" & 'ampersand'"], ignoreOrder: true);
    }

    [Fact]
    public async Task Paths_AreTheTopTenByCount_WithTitles()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.Clock.Set(WednesdayMorning);
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var paths = await client.Repository.Traffic.GetAllPaths("acme", "rocket");

        paths.Count.ShouldBe(10, "twelve typical pages compete for the top ten");
        paths.Select(p => p.Count).ShouldBeInOrder(Shouldly.SortDirection.Descending);
        paths.ShouldAllBe(p => p.Path.StartsWith("/acme/rocket", StringComparison.Ordinal) && p.Title.Length > 0);
        paths.Select(p => (p.Path, p.Title, p.Count, p.Uniques))
            .ShouldBe(repository.PathsAt(WednesdayMorning).Select(p => (p.Path, p.Title, p.Count, p.Uniques)));
    }

    [Fact]
    public async Task Traffic_ByRepositoryId_ServesTheSameWindow()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var byName = await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);
        var byId = await client.Repository.Traffic.GetViews(repository.Id, Octo.Daily);

        byId.Count.ShouldBe(byName.Count);
        byId.Views.Select(v => (v.Timestamp, v.Count)).ShouldBe(byName.Views.Select(v => (v.Timestamp, v.Count)));
        (await client.Repository.Get(repository.Id)).FullName.ShouldBe("acme/rocket");
    }

    private static RepositoryTrafficView? ViewsOn(RepositoryTrafficViewSummary summary, DateOnly day) =>
        summary.Views.SingleOrDefault(v => DateOnly.FromDateTime(v.Timestamp.UtcDateTime) == day);
}
