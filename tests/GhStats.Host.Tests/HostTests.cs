using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>The README's run command: the real host process on SQLite, over loopback HTTP.</summary>
public sealed class HostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-host-").FullName;

    private Dictionary<string, string> Sqlite => new()
    {
        ["GhStats__Sqlite__ConnectionString"] = $"Data Source={Path.Combine(_folder, "ghstats.db")}",
    };

    [Fact]
    public async Task Host_OnSqlite_MigratesAndAnswersHealthAndReadiness()
    {
        await using var host = await HostProcess.StartAsync(Sqlite);
        using var client = new HttpClient { BaseAddress = host.Address };

        using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative));

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK, host.Output);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("ready");
        File.Exists(Path.Combine(_folder, "ghstats.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Host_WithMigrationTurnedOff_IsAliveButNotReady()
    {
        var environment = Sqlite;
        environment["GhStats__Storage__MigrateOnStartup"] = "false";
        await using var host = await HostProcess.StartAsync(environment);
        using var client = new HttpClient { BaseAddress = host.Address };

        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative));

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ready.Content.ReadAsStringAsync()).ShouldContain("schema");
    }

    [Fact]
    public async Task MigrateCommand_AppliesTheSchema_ThenTheHostIsReadyWithoutMigrating()
    {
        var (exitCode, output, error) = await HostProcess.RunCommandAsync(["migrate"], Sqlite);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("schema is at version");
        var environment = Sqlite;
        environment["GhStats__Storage__MigrateOnStartup"] = "false";
        await using var host = await HostProcess.StartAsync(environment);
        using var client = new HttpClient { BaseAddress = host.Address };
        (await client.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("sqlite", "CREATE TABLE \"traffic_daily\"")]
    [InlineData("postgres", "CREATE TABLE \"ghstats\".\"traffic_daily\"")]
    [InlineData("db2", "CREATE TABLE ghstats.traffic_daily")]
    public async Task ScriptCommand_PrintsTheDdl_WithoutADatabase(string provider, string expected)
    {
        var (exitCode, output, error) = await HostProcess.RunCommandAsync(["migrate", "--script", provider], new Dictionary<string, string>
        {
            ["GhStats__Storage__Provider"] = "postgres",
            ["GhStats__Postgres__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none",
        });

        exitCode.ShouldBe(0, error);
        output.ShouldContain(expected);
    }

    [Fact]
    public async Task ScriptCommand_RefusesAnUnknownProvider_WithExitCode2()
    {
        var (exitCode, _, error) = await HostProcess.RunCommandAsync(["migrate", "--script", "oracle"], Sqlite);

        exitCode.ShouldBe(2);
        error.ShouldContain("sqlite, postgres, db2");
    }

    [Fact]
    public async Task Host_WithAnUnknownProvider_ExitsSayingWhichSettingToFix()
    {
        var (exitCode, output, error) = await HostProcess.RunCommandAsync([], new Dictionary<string, string> { ["GhStats__Storage__Provider"] = "oracle" });

        exitCode.ShouldNotBe(0);
        (output + error).ShouldContain("GhStats__Storage__Provider");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
