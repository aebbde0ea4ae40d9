using GhStats;
using Microsoft.Extensions.Configuration;
using GhStats.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests;

public sealed class TransferBuilderTests
{
    [Fact]
    public void AddTransfer_ReturnsTheSameBuilder_SoCallsChain()
    {
        var services = new ServiceCollection();
        var builder = services.AddGhStats(new ConfigurationBuilder().Build());

        builder.AddTransfer().ShouldBeSameAs(builder);
    }

    [Fact]
    public void AddTransfer_Twice_AddsTheServiceAndItsWorkersOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddGhStats(new ConfigurationBuilder().Build());

        builder.AddTransfer().AddTransfer();

        services.Count(d => d.ServiceType == typeof(ITransferService)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Namespace == "GhStats.Transfer.Jobs").ShouldBe(2);
    }

    [Fact]
    public void Options_AreBoundFromGhStatsTransfer_AndEveryProblemIsNamedAtOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:Transfer:MaxUploadBytes"] = "1000",
            ["GhStats:Transfer:TempDirectory"] = "relative/uploads",
            ["GhStats:Transfer:StaleAfter"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        services.AddGhStats(configuration.GetSection("GhStats")).AddTransfer();
        using var provider = services.BuildServiceProvider();

        var refused = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GhStatsTransferOptions>>().Value);

        refused.Failures.ShouldBe(
        [
            "GhStats:Transfer:MaxUploadBytes is 1000; use 1048576 (1 MiB) or more.",
            "GhStats:Transfer:TempDirectory 'relative/uploads' must be an absolute path, e.g. /var/tmp/ghstats-transfer.",
            "GhStats:Transfer:StaleAfter is 00:00:05; use 00:00:30 to 01:00:00.",
        ]);
    }

    [Fact]
    public void Options_Default_To1GiB_TheSystemTempFolder_AndTwoMinutes()
    {
        var services = new ServiceCollection();
        services.AddGhStats(new ConfigurationBuilder().Build()).AddTransfer();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GhStatsTransferOptions>>().Value;

        (options.MaxUploadBytes, options.TempDirectory, options.StaleAfter).ShouldBe((1L << 30, (string?)null, TimeSpan.FromMinutes(2)));
    }
}
