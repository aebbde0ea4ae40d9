using GhStats.Storage;
using GhStats.Storage.Conformance.Databases;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace GhStats.Postgres.Tests;

/// <summary>
/// The session settings GhStats' connections start with: no parallel workers unless configured, the connection string's
/// own <c>Options</c> first, and the server's setting when the option is unset.
/// </summary>
public sealed class PostgresSessionSettingsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ByDefault_QueriesArePlannedWithoutParallelWorkers() =>
        (await SettingAsync(database.ConnectionString, _ => { })).ShouldBe("0");

    [Fact]
    public async Task AConfiguredNumber_IsTheSessionsSetting() =>
        (await SettingAsync(database.ConnectionString, o => o.MaxParallelWorkersPerGather = 3)).ShouldBe("3");

    [Fact]
    public async Task Unset_LeavesTheServersSetting()
    {
        string server;
        await using (var plain = new NpgsqlConnection(database.ConnectionString))
        {
            await plain.OpenAsync();
            server = await ShowAsync(plain);
        }

        server.ShouldNotBe("0", "the test server keeps PostgreSQL's default, so this test can tell the two apart");
        (await SettingAsync(database.ConnectionString, o => o.MaxParallelWorkersPerGather = null)).ShouldBe(server);
    }

    [Fact]
    public async Task TheConnectionStringsOwnOptions_Win_AndItsOtherSettingsStay()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Options = "-c max_parallel_workers_per_gather=5 -c statement_timeout=12345",
        }.ConnectionString;

        await using var provider = Provider(connectionString, _ => { });
        await using var connection = provider.GetRequiredService<RelationalStoreProvider>().CreateConnection();
        await connection.OpenAsync();
        (await ShowAsync((NpgsqlConnection)connection)).ShouldBe("5");
        (await ShowAsync((NpgsqlConnection)connection, "statement_timeout")).ShouldBe("12345ms");
    }

    [Fact]
    public void AddedSettings_JoinTheConnectionStringsOtherOptions()
    {
        var connectionString = new NpgsqlConnectionStringBuilder("Host=db;Database=ghstats") { Options = "-c search_path=x" }.ConnectionString;

        new NpgsqlConnectionStringBuilder(PostgresStoreProvider.WithSessionSettings(connectionString, 0)).Options
            .ShouldBe("-c search_path=x -c max_parallel_workers_per_gather=0");
        PostgresStoreProvider.WithSessionSettings(connectionString, null).ShouldBe(connectionString);
    }

    private static async Task<string> SettingAsync(string connectionString, Action<GhStatsPostgresOptions> configure)
    {
        await using var provider = Provider(connectionString, configure);
        await using var connection = provider.GetRequiredService<RelationalStoreProvider>().CreateConnection();
        await connection.OpenAsync();
        return await ShowAsync((NpgsqlConnection)connection);
    }

    private static ServiceProvider Provider(string connectionString, Action<GhStatsPostgresOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UsePostgres(o =>
        {
            o.ConnectionString = connectionString;
            configure(o);
        });
        return services.BuildServiceProvider();
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting = "max_parallel_workers_per_gather")
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
