using GhStats.Postgres;
using GhStats.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

/// <summary>Storage and provider options: bound from GhStats:*, then code in any order, and refused at start with every message.</summary>
public sealed class ProviderOptionsTests
{
    [Fact]
    public async Task Sqlite_WithAMalformedConnectionString_FailsAtStart_SayingWhy()
    {
        var error = await StartFailingAsync(new() { ["GhStats:Sqlite:ConnectionString"] = "Data Source=x.db;Flavour=Strawberry" }, g => g.UseSqlite());

        var failure = error.ShouldBeOfType<OptionsValidationException>();
        failure.OptionsType.ShouldBe(typeof(GhStatsSqliteOptions));
        failure.Message.ShouldContain("GhStats:Sqlite:ConnectionString is not a SQLite connection string");
        failure.Message.ShouldContain("flavour");
    }

    [Theory]
    [InlineData(null, "GhStats:Postgres:ConnectionString is required")]
    [InlineData("Host=127.0.0.1;Flavour=Strawberry", "GhStats:Postgres:ConnectionString is not an Npgsql connection string")]
    [InlineData("Database=ghstats;Username=ghstats", "GhStats:Postgres:ConnectionString names no Host")]
    public async Task Postgres_WithABadConnectionString_FailsAtStart_SayingWhy(string? connectionString, string message)
    {
        var error = await StartFailingAsync(new() { ["GhStats:Postgres:ConnectionString"] = connectionString }, g => g.UsePostgres());

        var failure = error.ShouldBeOfType<OptionsValidationException>();
        failure.OptionsType.ShouldBe(typeof(GhStatsPostgresOptions));
        failure.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1025")]
    public async Task Postgres_WithParallelWorkersOutOfRange_FailsAtStart_SayingWhy(string workers)
    {
        var error = await StartFailingAsync(
            new() { ["GhStats:Postgres:ConnectionString"] = "Host=127.0.0.1", ["GhStats:Postgres:MaxParallelWorkersPerGather"] = workers },
            g => g.UsePostgres());

        var failure = error.ShouldBeOfType<OptionsValidationException>();
        failure.OptionsType.ShouldBe(typeof(GhStatsPostgresOptions));
        failure.Message.ShouldContain($"GhStats:Postgres:MaxParallelWorkersPerGather is {workers}; it is 0 to 1024");
    }

    [Fact]
    public async Task StorageAndProviderErrors_ShowTogether_AtStart()
    {
        var error = await StartFailingAsync(
            new()
            {
                ["GhStats:Storage:Schema"] = "Bad Schema!",
                ["GhStats:Storage:CommandTimeout"] = "00:00:00",
            },
            g => g.UseSqlite());

        var failures = error.ShouldBeOfType<AggregateException>().InnerExceptions.Cast<OptionsValidationException>().ToDictionary(e => e.OptionsType);
        failures[typeof(GhStatsStorageOptions)].Failures.Count().ShouldBe(2);
        failures[typeof(GhStatsSqliteOptions)].Message.ShouldContain("GhStats:Sqlite:ConnectionString is required");
    }

    [Fact]
    public void CodeConfiguration_WinsOverConfiguration_WhereverItIsWritten()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:Storage:Schema"] = "configured",
            ["GhStats:Storage:MigrateOnStartup"] = "true",
            ["GhStats:Sqlite:ConnectionString"] = "Data Source=configured.db",
            ["GhStats:Postgres:ConnectionString"] = "Host=configured",
        }).Build().GetSection("GhStats");
        var services = new ServiceCollection();

        // ConfigureSqlite and ConfigurePostgres come before the provider is chosen, ConfigureStorage after: both still win.
        services.AddGhStats(configuration)
            .ConfigureSqlite(o => o.ConnectionString = "Data Source=coded.db")
            .ConfigurePostgres(o => o.ConnectionString = "Host=coded")
            .UseSqlite()
            .ConfigureStorage(o => o.Schema = "coded");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<GhStatsStorageOptions>>().Value.Schema.ShouldBe("coded");
        provider.GetRequiredService<IOptions<GhStatsStorageOptions>>().Value.MigrateOnStartup.ShouldBeTrue();
        provider.GetRequiredService<IOptions<GhStatsSqliteOptions>>().Value.ConnectionString.ShouldBe("Data Source=coded.db");
        provider.GetRequiredService<IOptions<GhStatsPostgresOptions>>().Value.ConnectionString.ShouldBe("Host=coded");
    }

    [Fact]
    public void ConfiguringAConcernTwice_BindsItsSectionOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:Sqlite:ConnectionString"] = "Data Source=configured.db",
        }).Build().GetSection("GhStats");
        var once = new ServiceCollection();
        once.AddGhStats(configuration).UseSqlite().ConfigureStorage(_ => { });
        var often = new ServiceCollection();
        often.AddGhStats(configuration).ConfigureSqlite(_ => { }).UseSqlite().UseSqlite().ConfigureStorage(_ => { });

        // The extra ConfigureSqlite adds its own code configuration (one descriptor); the section is never bound twice.
        often.Count.ShouldBe(once.Count + 1);
    }

    private static async Task<Exception> StartFailingAsync(Dictionary<string, string?> settings, Action<GhStatsBuilder> storage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        storage(builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")));
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception exception) when (exception is OptionsValidationException or AggregateException)
        {
            return exception;
        }

        await host.StopAsync();
        throw new ShouldAssertException("The host started with bad settings.");
    }
}
