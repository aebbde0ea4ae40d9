using GhStats.Storage.Conformance;
using GhStats.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Storage.Conformance.Databases;

/// <summary>A fresh database on the test run's PostgreSQL server (started from the machine's binaries), migrated once.</summary>
public sealed class PostgresDatabaseFixture : StoreDatabaseFixture
{
    public override string ProviderName => "postgres";

    public string ConnectionString { get; private set; } = string.Empty;

    public override void Configure(GhStatsBuilder builder) => builder.UsePostgres(ConnectionString);

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override async Task CreateDatabaseAsync()
    {
        var server = await PostgresServer.SharedAsync();
        ConnectionString = await server.CreateDatabaseAsync("conformance");
    }
}
