using System.Data.Common;
using System.Globalization;
using System.Text;
using FluentMigrator.Runner;
using GhStats.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GhStats.Postgres;

/// <summary>PostgreSQL as GhStats' store; migrations are serialised across processes by a session advisory lock.</summary>
internal sealed class PostgresStoreProvider : RelationalStoreProvider, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly long _migrationLockKey;
    private readonly TimeProvider _clock;

    public PostgresStoreProvider(IOptions<GhStatsPostgresOptions> postgres, IOptions<GhStatsStorageOptions> storage, TimeProvider clock)
    {
        _clock = clock;
        _connectionString = postgres.Value.ConnectionString!;
        _dataSource = NpgsqlDataSource.Create(WithSessionSettings(_connectionString, postgres.Value.MaxParallelWorkersPerGather));
        Dialect = new PostgresDialect(storage.Value.Schema);
        _migrationLockKey = LockKey("ghstats-migrations:" + storage.Value.Schema);
    }

    public override SqlDialect Dialect { get; }

    public override string ConnectionString => _connectionString;

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override void ConfigureMigrationRunner(IMigrationRunnerBuilder runner) => runner.AddPostgres();

    public override async Task<IAsyncDisposable> AcquireMigrationLockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The lock belongs to this connection's session: it is held while the connection stays open, and freed if the process dies.
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deadline = _clock.GetUtcNow() + timeout;
            while (true)
            {
                var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("key", _migrationLockKey);
                    if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                    {
                        return new AdvisoryLock(connection, _migrationLockKey);
                    }
                }

                if (_clock.GetUtcNow() >= deadline)
                {
                    throw new TimeoutException($"Another process held the GhStats migration lock (pg advisory lock {_migrationLockKey}) for more than {timeout}.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// The store's connection string with GhStats' session settings added to its <c>Options</c> (sent at connection
    /// start-up): <c>max_parallel_workers_per_gather</c> unless the connection string sets it already or it is null.
    /// </summary>
    internal static string WithSessionSettings(string connectionString, int? maxParallelWorkersPerGather)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (maxParallelWorkersPerGather is not { } workers || builder.Options?.Contains("max_parallel_workers_per_gather", StringComparison.OrdinalIgnoreCase) == true)
        {
            return connectionString;
        }

        var setting = $"-c max_parallel_workers_per_gather={workers.ToString(CultureInfo.InvariantCulture)}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : $"{builder.Options} {setting}";
        return builder.ConnectionString;
    }

    /// <summary>A stable 64-bit key for a name (FNV-1a), the same in every process.</summary>
    private static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    /// <summary>Releases the advisory lock and closes its connection.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("key", key);
                    await command.ExecuteScalarAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
