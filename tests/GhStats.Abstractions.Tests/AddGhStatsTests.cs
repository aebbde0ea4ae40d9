using GhStats.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

public sealed class AddGhStatsTests
{
    [Fact]
    public void AddGhStats_CalledTwice_RegistersNothingMore()
    {
        var once = new ServiceCollection();
        once.AddGhStats().UseSqlite("Data Source=a.db");
        var twice = new ServiceCollection();
        twice.AddGhStats();
        twice.AddGhStats().UseSqlite("Data Source=a.db");

        twice.Count.ShouldBe(once.Count);
    }

    [Fact]
    public async Task UseSqlite_CalledTwice_IsStillOneProvider_WithTheLastConnectionString()
    {
        var builder = Host.CreateApplicationBuilder();
        var folder = Directory.CreateTempSubdirectory("ghstats-twice-").FullName;
        var path = Path.Combine(folder, "second.db");
        builder.Services.AddGhStats().UseSqlite("Data Source=first.db").UseSqlite($"Data Source={path};Pooling=False");
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        File.Exists(path).ShouldBeTrue();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task HostWithoutAStorageProvider_FailsAtStart_NamingThePackagesToAdd()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats"));
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("UseSqlite");
        error.Message.ShouldContain("GhStats.Sqlite");
        error.Message.ShouldContain("GhStats.Postgres");
        error.Message.ShouldContain("GhStats.Db2");
    }

    [Fact]
    public async Task HostWithTwoStorageProviders_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGhStats().UseSqlite("Data Source=x.db").UsePostgres("Host=127.0.0.1");
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Several GhStats storage providers");
    }

    [Fact]
    public async Task StorageOptions_AreBoundFromConfiguration_AndValidatedAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:Storage:Schema"] = "Bad Schema!",
            ["GhStats:Storage:MigrationLockTimeout"] = "-00:00:01",
            ["GhStats:Storage:MigrateOnStartup"] = "false",
        });
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseSqlite("Data Source=x.db");
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Failures.Count().ShouldBe(2);
        error.Message.ShouldContain("GhStats:Storage:Schema");
        error.Message.ShouldContain("GhStats:Storage:MigrationLockTimeout");
    }

    [Fact]
    public async Task SqliteWithoutAConnectionString_FailsAtStart_SayingWhatToSet()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseSqlite();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("GhStats:Sqlite:ConnectionString");
    }

    [Fact]
    public async Task Host_MigratesTheDatabaseAtStart_UnlessTurnedOff()
    {
        var folder = Directory.CreateTempSubdirectory("ghstats-host-").FullName;
        try
        {
            foreach (var migrate in new[] { false, true })
            {
                var builder = Host.CreateApplicationBuilder();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["GhStats:Sqlite:ConnectionString"] = $"Data Source={Path.Combine(folder, "ghstats.db")};Pooling=False",
                    ["GhStats:Storage:MigrateOnStartup"] = migrate.ToString(),
                });
                builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseSqlite();
                using var host = builder.Build();

                await host.StartAsync();
                var status = await host.Services.GetRequiredService<ISchemaMigrator>().GetStatusAsync();
                await host.StopAsync();

                status.Reachable.ShouldBeTrue();
                status.IsReady.ShouldBe(migrate);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
