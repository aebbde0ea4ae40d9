using GhStats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
}
