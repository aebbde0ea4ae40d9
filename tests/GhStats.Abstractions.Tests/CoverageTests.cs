using GhStats.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

/// <summary>The coverage contract's pure parts: the window a read proves, the data-loss horizon, and its option.</summary>
public sealed class CoverageTests
{
    private static readonly DateOnly Today = new(2024, 3, 15);

    [Fact]
    public void AWindowRead_ProvesTodayAndTheThirteenDaysBefore_EdgesPartial()
    {
        var window = TrafficWindow.FromRead(7, Today, []);

        (window.FirstDay, window.LastDay, window.ReadOn).ShouldBe((Today.AddDays(-13), Today, Today));
        window.CoverageOf(Today.AddDays(-14)).ShouldBe(DayCoverage.NotCollected);
        window.CoverageOf(Today.AddDays(-13)).ShouldBe(DayCoverage.Partial);
        window.CoverageOf(Today.AddDays(-12)).ShouldBe(DayCoverage.Complete);
        window.CoverageOf(Today.AddDays(-1)).ShouldBe(DayCoverage.Complete);
        window.CoverageOf(Today).ShouldBe(DayCoverage.Partial);
        window.CoverageOf(Today.AddDays(1)).ShouldBe(DayCoverage.NotCollected);
    }

    [Fact]
    public void AWindowRead_StartsAtAnOlderDayTheResponseHolds()
    {
        var window = TrafficWindow.FromRead(7, Today, [new TrafficDay(7, Today.AddDays(-14), 1, 1, 0, 0)]);

        window.FirstDay.ShouldBe(Today.AddDays(-14));
        window.CoverageOf(Today.AddDays(-14)).ShouldBe(DayCoverage.Partial);
        window.CoverageOf(Today.AddDays(-13)).ShouldBe(DayCoverage.Complete);
    }

    [Theory]
    [InlineData(0, HorizonState.Fine)]
    [InlineData(6, HorizonState.Fine)]
    [InlineData(7, HorizonState.AtRisk)]
    [InlineData(13, HorizonState.AtRisk)]
    [InlineData(14, HorizonState.LosingDays)]
    [InlineData(40, HorizonState.LosingDays)]
    public void TheHorizon_FollowsTheDaysSinceTheLastRead(int days, HorizonState expected)
    {
        var horizon = CollectionHorizon.Compute(Today.AddDays(-days), Today.AddDays(-100), Today, atRiskAfterDays: 7);

        horizon.ShouldBe(new CollectionHorizon(Today.AddDays(-days), expected, days));
    }

    [Fact]
    public void ARepositoryNeverRead_CountsFromTheDayItWasAdded()
    {
        CollectionHorizon.Compute(null, Today.AddDays(-3), Today, 2).ShouldBe(new CollectionHorizon(null, HorizonState.AtRisk, 3));
        CollectionHorizon.Compute(null, Today, Today, 2).ShouldBe(new CollectionHorizon(null, HorizonState.Fine, 0));
    }

    [Fact]
    public void TrafficPoint_SaysItsCoverage_FromItsDayCounts()
    {
        TrafficPoint.ForDay(Today, DayCoverage.NotCollected, 5, 5, 5, 5).ShouldBe(new TrafficPoint(Today, 0, null, 0, null, 1, 0, 0));
        TrafficPoint.ForDay(Today, DayCoverage.Partial, 5, 4, 3, 2).Coverage.ShouldBe(DayCoverage.Partial);
        new TrafficPoint(Today, 1, null, 1, null, Days: 7, KnownDays: 7, PartialDays: 0).Coverage.ShouldBe(DayCoverage.Complete);
        new TrafficPoint(Today, 1, null, 1, null, Days: 7, KnownDays: 6, PartialDays: 0).Coverage.ShouldBe(DayCoverage.Partial);
    }

    [Fact]
    public void AtRiskAfterDays_DefaultsToSeven_AndCodeConfigurationApplies()
    {
        using var defaults = new ServiceCollection().AddGhStats().Services.BuildServiceProvider();
        defaults.GetRequiredService<IOptions<GhStatsCoverageOptions>>().Value.AtRiskAfterDays.ShouldBe(7);

        var services = new ServiceCollection();
        services.AddGhStats(Configuration("5")).ConfigureCoverage(o => o.AtRiskAfterDays += 1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<GhStatsCoverageOptions>>().Value.AtRiskAfterDays.ShouldBe(6);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("14")]
    [InlineData("-3")]
    public void AtRiskAfterDays_OutsideOneToThirteen_FailsValidation(string value)
    {
        var services = new ServiceCollection();
        services.AddGhStats(Configuration(value));
        using var provider = services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GhStatsCoverageOptions>>().Value);
        failure.Message.ShouldContain("GhStats:Coverage:AtRiskAfterDays");
    }

    private static IConfiguration Configuration(string atRiskAfterDays) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Coverage:AtRiskAfterDays"] = atRiskAfterDays }).Build();
}
