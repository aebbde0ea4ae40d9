using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class TrafficTruthTests
{
    private static readonly DateOnly From = new(2024, 1, 1);

    [Fact]
    public async Task TheSameSeed_GivesTheSameTraffic_AndAnotherSeedDifferentTraffic()
    {
        await using var first = await GitHubSimulator.StartAsync();
        await using var second = await GitHubSimulator.StartAsync();
        var a = first.AddRepository("acme", "a", seed: 11);
        var sameSeed = second.AddRepository("other", "b", seed: 11);
        var otherSeed = first.AddRepository("acme", "c", seed: 12);

        var days = Enumerable.Range(0, 60).Select(i => From.AddDays(i)).ToList();

        days.Select(a.DayTruth).ShouldBe(days.Select(d => sameSeed.DayTruth(d)));
        days.Select(d => a.DayTruth(d).Views).ShouldNotBe(days.Select(d => otherSeed.DayTruth(d).Views));
        a.ReferrersAt(new DateTimeOffset(2024, 2, 1, 12, 0, 0, TimeSpan.Zero))
            .ShouldBe(sameSeed.ReferrersAt(new DateTimeOffset(2024, 2, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task DailyTruth_KeepsUniquesWithinCounts_AndHasSomeDaysWithoutTraffic()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var days = Enumerable.Range(0, 365).Select(i => From.AddDays(i)).ToList();

        var all = Enumerable.Range(0, 40).SelectMany(seed => days.Select(simulator.AddRepository("acme", $"r{seed}", seed).DayTruth)).ToList();

        all.ShouldAllBe(d => d.UniqueViews <= d.Views && d.UniqueClones <= d.Clones);
        all.ShouldAllBe(d => (d.Views == 0) == (d.UniqueViews == 0) && (d.Clones == 0) == (d.UniqueClones == 0));
        all.Count(d => d.Views == 0).ShouldBeGreaterThan(0);
        all.Count(d => d.Clones == 0).ShouldBeGreaterThan(0);
        all.Count(d => d.Views > 100).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task WeeklyTruth_SumsTheDays_AndItsUniquesLieBetweenTheBusiestDayAndTheSum()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);

        for (var monday = new DateOnly(2024, 1, 1); monday < new DateOnly(2025, 1, 1); monday = monday.AddDays(7))
        {
            var days = Enumerable.Range(0, 7).Select(i => repository.DayTruth(monday.AddDays(i))).ToList();
            var week = repository.WeekTruth(monday);

            week.Start.ShouldBe(monday);
            week.Views.ShouldBe(days.Sum(d => d.Views));
            week.Clones.ShouldBe(days.Sum(d => d.Clones));
            week.UniqueViews.ShouldBeInRange(days.Max(d => d.UniqueViews), days.Sum(d => d.UniqueViews));
            week.UniqueClones.ShouldBeInRange(days.Max(d => d.UniqueClones), days.Sum(d => d.UniqueClones));
        }

        Should.Throw<ArgumentException>(() => repository.WeekTruth(new DateOnly(2024, 1, 2)));
    }

    [Fact]
    public async Task TakingTheMaximumOfEveryServedWindow_HealsToTheTruth()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3);
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var days = new Dictionary<DateOnly, SimulatedTraffic>();
        var weeks = new Dictionary<DateOnly, SimulatedTraffic>();

        // Collect every 5 hours for 40 days, merging the way the collector does: the larger value of each field wins.
        for (var now = start; now < start.AddDays(40); now = now.AddHours(5))
        {
            foreach (var day in repository.ServedDays(now))
            {
                day.Views.ShouldBeLessThanOrEqualTo(repository.DayTruth(day.Start).Views);
                days[day.Start] = days.TryGetValue(day.Start, out var seen) ? Max(seen, day) : day;
            }

            foreach (var week in repository.ServedWeeks(now))
            {
                week.UniqueViews.ShouldBeLessThanOrEqualTo(repository.WeekTruth(week.Start).UniqueViews);
                weeks[week.Start] = weeks.TryGetValue(week.Start, out var seen) ? Max(seen, week) : week;
            }
        }

        var settled = days.Keys.Where(d => d >= DateOnly.FromDateTime(start.UtcDateTime) && d < DateOnly.FromDateTime(start.AddDays(38).UtcDateTime)).ToList();
        settled.Count.ShouldBe(38);
        settled.ShouldAllBe(d => days[d] == repository.DayTruth(d));
        var settledWeeks = weeks.Keys.Where(m => m >= new DateOnly(2024, 3, 4) && m <= new DateOnly(2024, 3, 25)).ToList();
        settledWeeks.Count.ShouldBe(4);
        settledWeeks.ShouldAllBe(m => weeks[m] == repository.WeekTruth(m));
    }

    private static SimulatedTraffic Max(SimulatedTraffic a, SimulatedTraffic b) => new(
        a.Start,
        Math.Max(a.Views, b.Views),
        Math.Max(a.UniqueViews, b.UniqueViews),
        Math.Max(a.Clones, b.Clones),
        Math.Max(a.UniqueClones, b.UniqueClones));
}
