using FluentMigrator.Runner;
using FluentMigrator.Runner.VersionTableInfo;
using GhStats.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Sqlite.Tests;

/// <summary>A database as an earlier version of GhStats left it, for the tests of a migration's back-fill or rebuild.</summary>
internal static class OldSchema
{
    /// <summary>Runs GhStats' migrations up to and including <paramref name="version"/>, and no further.</summary>
    public static void MigrateTo(string connectionString, long version)
    {
        using var services = new ServiceCollection()
            .AddSingleton(new StoreSchema(null))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddSQLite().WithGlobalConnectionString(connectionString).ScanIn(typeof(InitialSchema).Assembly).For.Migrations())
            .AddScoped<IVersionTableMetaData, GhStatsVersionTable>()
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp(version);
    }

    /// <summary>Runs statements in order, as the data an older version wrote.</summary>
    public static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }
}
