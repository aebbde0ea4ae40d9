using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

public sealed class DateRangeTests
{
    [Fact]
    public void ARangeIsInclusive_AndRefusesToRunBackwards()
    {
        var range = new DateRange(new DateOnly(2024, 2, 28), new DateOnly(2024, 3, 1));

        range.Days.ShouldBe(3);
        range.Contains(new DateOnly(2024, 2, 29)).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => new DateRange(new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 1))).Message.ShouldContain("reversed");
    }

    [Theory]
    [InlineData("2024-03-04", "2024-03-04")] // Monday
    [InlineData("2024-03-10", "2024-03-04")] // Sunday belongs to the week that started the Monday before
    [InlineData("2024-03-01", "2024-02-26")] // Friday after the leap day
    public void WeekStartOf_IsTheMondayOnOrBefore(string day, string monday)
    {
        DateRange.WeekStartOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AlignTo_WidensToWholeWeeksAndMonths()
    {
        var range = new DateRange(new DateOnly(2024, 2, 14), new DateOnly(2024, 2, 29));

        range.AlignTo(TrafficPeriod.Day).ShouldBe(range);
        range.AlignTo(TrafficPeriod.Week).ShouldBe(new DateRange(new DateOnly(2024, 2, 12), new DateOnly(2024, 3, 3)));
        range.AlignTo(TrafficPeriod.Month).ShouldBe(new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)));
    }
}
