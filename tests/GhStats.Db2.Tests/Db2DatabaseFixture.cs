using System.Data.Common;
using System.Security.Cryptography;
using GhStats.Storage;
using GhStats.Storage.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Db2.Tests;

/// <summary>
/// A fresh schema on the Db2 named by GHSTATS_TEST_DB2, migrated once; nothing at all when the variable is unset, because
/// xunit creates class fixtures even for a class whose tests are all skipped.
/// </summary>
public sealed class Db2DatabaseFixture : StoreDatabaseFixture
{
    public const string Variable = "GHSTATS_TEST_DB2";

    public const string SkipReason =
        "GHSTATS_TEST_DB2 is not set: the Db2 conformance suite needs a live Db2 connection string (and IBM's driver; see src/GhStats.Db2/README.md)";

    public override string ProviderName => "db2";

    /// <summary>The live database, or null.</summary>
    public string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A schema of this run's own, so runs on a shared server never see each other's rows.</summary>
    public string Schema { get; } = "ght" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);

    public override void Configure(GhStatsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseDb2(ConnectionString ?? throw new InvalidOperationException(SkipReason));
        builder.Services.Configure<GhStatsStorageOptions>(o => o.Schema = Schema);
    }

    public override Task InitializeAsync() => ConnectionString is null ? Task.CompletedTask : base.InitializeAsync();

    public override async Task DisposeAsync()
    {
        if (ConnectionString is null)
        {
            return;
        }

        await using var services = BuildServices(TimeProvider.System);
        var connection = services.GetRequiredService<RelationalStoreProvider>().CreateConnection();
        await using (connection)
        {
            try
            {
                await connection.OpenAsync();
                foreach (var table in await TablesAsync(connection))
                {
                    // Db2 drops the foreign keys of a dropped table with it, so the order does not matter.
                    await ExecuteAsync(connection, $"DROP TABLE {Schema}.{table}");
                }

                await ExecuteAsync(connection, $"DROP SCHEMA {Schema} RESTRICT");
            }
            catch (DbException)
            {
                // Cleaning up is a courtesy; a schema left behind is named ght* and holds only test rows.
            }
        }
    }

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    private async Task<List<string>> TablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TABNAME FROM SYSCAT.TABLES WHERE TABSCHEMA = @schema_name AND TYPE = 'T'";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@schema_name";
        parameter.Value = Schema.ToUpperInvariant();
        command.Parameters.Add(parameter);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0).Trim());
        }

        return tables;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
