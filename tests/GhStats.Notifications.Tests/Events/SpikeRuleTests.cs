using GhStats.Notifications.Events;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

public sealed class SpikeRuleTests
{
    private static readonly NotificationSpikeOptions Defaults = new();

    [Fact]
    public void Median_OfAnOddCount_IsTheMiddle_AndOfAnEvenCountTheMeanOfTheTwoMiddles()
    {
        SpikeRule.Median([5, 1, 3]).ShouldBe(3);
        SpikeRule.Median([4, 1, 3, 10]).ShouldBe(3.5);
    }

    [Fact]
    public void ADay_AtFactorTimesTheBaselineAndTheFloor_IsASpike_AndJustUnderIsNot()
    {
        long[] baseline = [20, 20, 20, 20, 20, 20, 20];

        SpikeRule.Judge(60, baseline, Defaults).ShouldBe(20);
        SpikeRule.Judge(59, baseline, Defaults).ShouldBeNull();
    }

    [Fact]
    public void ABaselineOfFewerThanSevenKnownDays_IsNoBaseline()
    {
        SpikeRule.Judge(1000, [10, 10, 10, 10, 10, 10], Defaults).ShouldBeNull();
        SpikeRule.Judge(1000, [10, 10, 10, 10, 10, 10, 10], Defaults).ShouldBe(10);
    }

    [Fact]
    public void AQuietBaseline_CountsAsOneView_SoTheFloorDecides()
    {
        long[] zeros = [0, 0, 0, 0, 0, 0, 0, 0];

        SpikeRule.Judge(50, zeros, Defaults).ShouldBe(0);
        SpikeRule.Judge(49, zeros, Defaults).ShouldBeNull();
        SpikeRule.Judge(4, zeros, new NotificationSpikeOptions { Floor = 3, Factor = 5 }).ShouldBeNull("4 < 5 x max(0, 1)");
    }
}
