using System.Data.Common;
using System.Globalization;
using GhStats.Sqlite;
using GhStats.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Bench.Merge;

/// <summary>SQLite files in a temporary folder; plain connections get the pragmas of SqliteStoreProvider.</summary>
internal sealed class SqliteStoreUnderTest : StoreUnderTest
{
    // What SqliteStoreProvider runs on every connection it opens (journal_mode is the file's, set once; harmless again).
    private const string StorePragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-bench-sqlite-").FullName;
    private int _databases;

    public override string Name => "sqlite";

    public override string DisplayName => "SQLite";

    public override SqlDialect Dialect { get; } = new SqliteDialect();

    public override async Task<IReadOnlyList<string>> DescribeAsync()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var version = (string)(await command.ExecuteScalarAsync())!;
        return
        [
            $"- SQLite: {version} (Microsoft.Data.Sqlite {typeof(SqliteConnection).Assembly.GetName().Version})",
            $"- SQLite settings (the store's): journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON; files in {_folder}",
        ];
    }

    public override async Task<DbConnection> OpenAsync(string connectionString)
    {
        // The same connection-string settings SqliteStoreProvider adds to the configured one.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = StorePragmas;
            await command.ExecuteNonQueryAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".migrate.lock" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    protected override Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "merge-" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + ".db";
        return Task.FromResult($"Data Source={Path.Combine(_folder, name)}");
    }

    protected override void UseStore(GhStatsBuilder builder, string connectionString) => builder.UseSqlite(connectionString);
}
