using GhStats.GitHub.Collection;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The plan's arithmetic, against figures worked out by hand.</summary>
public sealed class CollectionCallModelTests
{
    [Fact]
    public void ARepository_CostsTwoCallsARun_PlusItsDailyReads_PlusTheWeeklyOnesOnAMonday()
    {
        // REST counters: views + clones each run, counters + referrers + paths + releases once a day, weekly views + clones on Mondays.
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 1, countersByGraphQL: false, weeklyDay: false).ShouldBe(6);
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 1, countersByGraphQL: false, weeklyDay: true).ShouldBe(8);
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 24, countersByGraphQL: false, weeklyDay: false).ShouldBe(52);
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 24, countersByGraphQL: false, weeklyDay: true).ShouldBe(54);

        // GraphQL batches take the counters off the REST budget.
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 1, countersByGraphQL: true, weeklyDay: true).ShouldBe(7);
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 24, countersByGraphQL: true, weeklyDay: false).ShouldBe(51);
    }

    [Fact]
    public void FiveThousandAnHour_KeepsAbout2200RepositoriesHourly_And15000Daily()
    {
        CollectionCallModel.DailyBudget(5_000).ShouldBe(120_000);

        // 120,000 / 54 = 2,222.2; 120,000 / 8 = 15,000.
        CollectionCallModel.HourlyCapacity(5_000, countersByGraphQL: false).ShouldBe(2_222);
        CollectionCallModel.DailyCapacity(5_000, countersByGraphQL: false).ShouldBe(15_000);

        // 120,000 / 53 = 2,264.2; 120,000 / 7 = 17,142.9.
        CollectionCallModel.HourlyCapacity(5_000, countersByGraphQL: true).ShouldBe(2_264);
        CollectionCallModel.DailyCapacity(5_000, countersByGraphQL: true).ShouldBe(17_142);

        // An App installation on GitHub Enterprise Cloud: 15,000 an hour, 360,000 a day; 360,000 / 54 = 6,666.7.
        CollectionCallModel.HourlyCapacity(15_000, countersByGraphQL: false).ShouldBe(6_666);
    }

    [Fact]
    public void AThousandRepositories_NeedFiftyTwoThousandCallsOnAnHourlyDay_AndTwoThousandMoreOnAMonday()
    {
        CollectionCallModel.CallsForDay(1_000, runsPerDay: 24, countersByGraphQL: false, weeklyDay: false).ShouldBe(52_000);
        CollectionCallModel.CallsForDay(1_000, runsPerDay: 24, countersByGraphQL: false, weeklyDay: true).ShouldBe(54_000);
        CollectionCallModel.CallsForDay(1_000, runsPerDay: 1, countersByGraphQL: false, weeklyDay: false).ShouldBe(6_000);

        // 3,000 hourly on a Monday: 162,000, more than the day's 120,000.
        CollectionCallModel.CallsForDay(3_000, runsPerDay: 24, countersByGraphQL: false, weeklyDay: true)
            .ShouldBeGreaterThan(CollectionCallModel.DailyBudget(5_000));
    }

    [Fact]
    public void NoRuns_CountAsOne_AndNoLimit_KeepsNothing()
    {
        CollectionCallModel.CallsPerRepositoryPerDay(runsPerDay: 0, countersByGraphQL: false, weeklyDay: false).ShouldBe(6);
        CollectionCallModel.HourlyCapacity(0, countersByGraphQL: false).ShouldBe(0);
        CollectionCallModel.DailyCapacity(0, countersByGraphQL: true).ShouldBe(0);
    }

    [Theory]
    [InlineData(2026, 3, 2, true)] // a Monday
    [InlineData(2026, 3, 3, false)]
    [InlineData(2026, 3, 8, false)] // a Sunday
    public void TheWeeklyFigures_AreReadOnMondays(int year, int month, int day, bool weekly) =>
        CollectionCallModel.ReadsWeekly(new DateOnly(year, month, day)).ShouldBe(weekly);
}
