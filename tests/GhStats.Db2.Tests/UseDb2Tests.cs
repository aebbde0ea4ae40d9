using GhStats.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Db2.Tests;

/// <summary>UseDb2() in a host: problems show when it starts, with what to do.</summary>
public sealed class UseDb2Tests
{
    [Fact]
    public async Task UseDb2_WithoutIbmsDriver_FailsAtStartWithThePackageToAdd()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseDb2("Database=x;Server=localhost:50000");
        if (Db2Driver.Ibm().IsAvailable)
        {
            // A live run (GHSTATS_TEST_DB2 set) references IBM's driver; hide it so this host still has none.
            builder.Services.AddSingleton(new Db2Driver([new("GhStats.NoSuchDriver", "GhStats.NoSuchDriver.Factory")]));
        }

        using var host = builder.Build();

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        exception.Message.ShouldContain("Net.IBM.Data.Db2-lnx");
        exception.Message.ShouldContain("GhStats.Db2 needs IBM's Db2 driver");
    }

    [Fact]
    public async Task UseDb2_WithoutAConnectionString_FailsAtStartNamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseDb2();
        using var host = builder.Build();

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        exception.Message.ShouldContain("GhStats:Db2:ConnectionString is required");
    }

    [Fact]
    public async Task UseDb2_WithAMalformedConnectionString_AndNoDriver_FailsAtStartWithBothMessages()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseDb2("Server=db2:50000;Database");
        builder.Services.AddSingleton(new Db2Driver([new("GhStats.NoSuchDriver", "GhStats.NoSuchDriver.Factory")]));
        using var host = builder.Build();

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        exception.Failures.Count().ShouldBe(2, exception.Message);
        exception.Message.ShouldContain("GhStats:Db2:ConnectionString is not a connection string");
        exception.Message.ShouldContain("GhStats.Db2 needs IBM's Db2 driver");
    }

    [Fact]
    public void ConfigureDb2_InCode_WinsOverConfiguration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration["GhStats:Db2:ConnectionString"] = "Server=configured:50000;Database=GHSTATS";
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats"))
            .ConfigureDb2(o => o.ConnectionString = "Server=coded:50000;Database=GHSTATS")
            .UseDb2();
        builder.Services.AddSingleton(new Db2Driver([new("GhStats.Db2.Tests", typeof(TestDbFactory).FullName!)]));
        using var host = builder.Build();

        host.Services.GetRequiredService<IOptions<GhStatsDb2Options>>().Value.ConnectionString.ShouldBe("Server=coded:50000;Database=GHSTATS");
    }

    [Fact]
    public void UseDb2_BindsGhStatsDb2_AndRegistersTheDb2Store()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration["GhStats:Db2:ConnectionString"] = "Server=db2:50000;Database=GHSTATS";
        builder.Configuration["GhStats:Storage:Schema"] = "stats";
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseDb2();

        // Reading the options validates them, and this run has no IBM driver: a stand-in factory plays it.
        builder.Services.AddSingleton(new Db2Driver([new("GhStats.Db2.Tests", typeof(TestDbFactory).FullName!)]));
        using var host = builder.Build();

        host.Services.GetRequiredService<IOptions<GhStatsDb2Options>>().Value.ConnectionString.ShouldBe("Server=db2:50000;Database=GHSTATS");
        var provider = host.Services.GetRequiredService<RelationalStoreProvider>();
        provider.Dialect.ShouldBeOfType<Db2Dialect>().Schema.ShouldBe("stats");
        provider.ConnectionString.ShouldBe("Server=db2:50000;Database=GHSTATS");
    }
}
