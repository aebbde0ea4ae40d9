using GhStats.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>The DDL a DBA applies by hand yields the same, current schema that migrating would.</summary>
public sealed class SqliteScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-script-").FullName;

    [Fact]
    public async Task Script_AppliedByHand_LeavesTheSchemaCurrent()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "manual.db")};Pooling=False";
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.GenerateScript();
            await command.ExecuteNonQueryAsync();
        }

        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UseSqlite(connectionString);
        await using var provider = services.BuildServiceProvider();
        var status = await provider.GetRequiredService<ISchemaMigrator>().GetStatusAsync();

        status.IsReady.ShouldBeTrue(status.Message);
        var tenant = await provider.GetRequiredService<ITenantStore>().CreateAsync("manual", "Applied by hand");
        tenant.Id.ShouldBePositive();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
