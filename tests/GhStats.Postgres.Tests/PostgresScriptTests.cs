using GhStats.Stores;
using GhStats.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace GhStats.Postgres.Tests;

/// <summary>The DDL a DBA applies by hand yields the same, current schema that migrating would.</summary>
public sealed class PostgresScriptTests
{
    [Fact]
    public async Task Script_AppliedByHand_LeavesTheSchemaCurrent()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("script");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(PostgresSchema.GenerateScript("reporting"), connection);
            await command.ExecuteNonQueryAsync();
        }

        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UsePostgres(connectionString);
        services.Configure<GhStatsStorageOptions>(o => o.Schema = "reporting");
        await using var provider = services.BuildServiceProvider();
        var status = await provider.GetRequiredService<ISchemaMigrator>().GetStatusAsync();

        status.IsReady.ShouldBeTrue(status.Message);
        (await provider.GetRequiredService<ITenantStore>().CreateAsync("manual", "Applied by hand")).Id.ShouldBePositive();
    }
}
