using System.Data.Common;
using FluentMigrator.Runner;
using GhStats.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GhStats.Sqlite;

/// <summary>
/// SQLite as GhStats' store: WAL so readers never wait for the writer, and one writer at a time in this process (a gate)
/// and across processes (BEGIN IMMEDIATE with a busy timeout), so concurrent requests never see "database is locked".
/// </summary>
internal sealed class SqliteStoreProvider : RelationalStoreProvider, IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _inMemoryMigrationGate = new(1, 1);
    private readonly string _connectionString;
    private readonly string? _databasePath;
    private readonly int _busyTimeoutMs;
    private readonly TimeProvider _clock;
    private int _walEnabled;

    public SqliteStoreProvider(IOptions<GhStatsSqliteOptions> sqlite, IOptions<GhStatsStorageOptions> storage, TimeProvider clock)
    {
        _clock = clock;
        var builder = new SqliteConnectionStringBuilder(sqlite.Value.ConnectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(storage.Value.CommandTimeout.TotalSeconds),
        };
        _busyTimeoutMs = (int)storage.Value.CommandTimeout.TotalMilliseconds;
        _connectionString = builder.ToString();
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        _databasePath = inMemory ? null : Path.GetFullPath(builder.DataSource);
        if (_databasePath is not null)
        {
            // A newcomer's "Data Source=data/ghstats.db" should just work.
            Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        }
    }

    public override SqlDialect Dialect { get; } = new SqliteDialect();

    public override string ConnectionString => _connectionString;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override async Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            // journal_mode is a property of the file: set once per process; synchronous and busy_timeout are per connection.
            var wal = Interlocked.Exchange(ref _walEnabled, 1) == 0 && _databasePath is not null ? "PRAGMA journal_mode = WAL; " : string.Empty;
#pragma warning disable CA2100 // Only numbers from validated options are formatted in.
            command.CommandText = FormattableString.Invariant($"{wal}PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {_busyTimeoutMs};");
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(_writeGate);
    }

    public override void ConfigureMigrationRunner(IMigrationRunnerBuilder runner) => runner.AddSQLite();

    public override async Task<IAsyncDisposable> AcquireMigrationLockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_databasePath is null)
        {
            if (!await _inMemoryMigrationGate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
            {
                throw new TimeoutException($"Another migration of this in-memory database ran longer than {timeout}.");
            }

            return new Turn(_inMemoryMigrationGate);
        }

        // An exclusive lock on a file beside the database, which every process on the machine honours.
        var lockPath = _databasePath + ".migrate.lock";
        var deadline = _clock.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (_clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new TimeoutException(
                    $"Another process held the migration lock {lockPath} for more than {timeout}. If no GhStats process is migrating, delete the file.",
                    exception);
            }
        }
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        _inMemoryMigrationGate.Dispose();
    }

    /// <summary>Ends a turn at a gate.</summary>
    private sealed class Turn(SemaphoreSlim gate) : IDisposable, IAsyncDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
