using GhStats.Storage.Conformance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Storage.Conformance.Databases;

/// <summary>A SQLite file in a temporary folder, migrated once.</summary>
public sealed class SqliteDatabaseFixture : StoreDatabaseFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-sqlite-").FullName;

    public override string ProviderName => "sqlite";

    public string DatabasePath => Path.Combine(_folder, "ghstats.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    public override void Configure(GhStatsBuilder builder) => builder.UseSqlite(ConnectionString);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;
}
