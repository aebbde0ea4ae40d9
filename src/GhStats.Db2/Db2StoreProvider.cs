using System.Data;
using System.Data.Common;
using FluentMigrator.Runner;
using GhStats.Storage;
using GhStats.Storage.Sql;
using Microsoft.Extensions.Options;

namespace GhStats.Db2;

/// <summary>Db2 LUW as GhStats' store, through IBM's driver found in the host; migrations queue on an exclusive table lock.</summary>
internal sealed class Db2StoreProvider : RelationalStoreProvider
{
    private readonly string _connectionString;
    private readonly Db2Driver _driver;
    private readonly Db2MigrationLockStatements _lock;

    public Db2StoreProvider(IOptions<GhStatsDb2Options> db2, IOptions<GhStatsStorageOptions> storage, Db2Driver driver)
    {
        _connectionString = db2.Value.ConnectionString!;
        _driver = driver;
        Dialect = new Db2Dialect(storage.Value.Schema);
        _lock = new Db2MigrationLockStatements(storage.Value.Schema);
    }

    public override SqlDialect Dialect { get; }

    public override string ConnectionString => _connectionString;

    public override DbConnection CreateConnection()
    {
        var connection = _driver.Factory.CreateConnection()
            ?? throw new InvalidOperationException("IBM's Db2 provider factory returned no connection.");
        connection.ConnectionString = _connectionString;
        return connection;
    }

    public override void ConfigureMigrationRunner(IMigrationRunnerBuilder runner) => Db2Migrations.Configure(runner, _driver);

    public override async Task<IAsyncDisposable> AcquireMigrationLockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await EnsureLockTableAsync(connection, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, Db2MigrationLockStatements.SetLockTimeout(timeout), cancellationToken).ConfigureAwait(false);

            // The table lock lives as long as this transaction; a process that dies releases it with its connection.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, transaction, _lock.LockTable, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception) when (Db2Error.Is(exception, "40001", "57033", "SQL0911N", "SQL0913N"))
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException(
                    $"Another process is migrating the GhStats schema {Dialect.Schema} on Db2: it held LOCK TABLE {Dialect.Schema}.migration_lock for more than {timeout}.",
                    exception);
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await ExecuteAsync(connection, transaction, _lock.ResetLockTimeout, cancellationToken).ConfigureAwait(false);
            return new TableLock(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the schema and the lock table where missing; another process creating them at the same time is fine.</summary>
    private async Task EnsureLockTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await CountAsync(connection, _lock.SchemaExists, cancellationToken, ("schema_name", _lock.CatalogSchemaName)).ConfigureAwait(false) == 0)
        {
            await CreateUnlessExistsAsync(connection, _lock.CreateSchema, cancellationToken).ConfigureAwait(false);
        }

        if (await CountAsync(
                connection,
                _lock.TableExists,
                cancellationToken,
                ("schema_name", _lock.CatalogSchemaName),
                ("table_name", Db2MigrationLockStatements.CatalogTableName)).ConfigureAwait(false) == 0)
        {
            await CreateUnlessExistsAsync(connection, _lock.CreateTable, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CreateUnlessExistsAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, null, statement, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (Db2Error.Is(exception, "42710", "SQL0601N"))
        {
            // A process that raced us created it first.
        }
    }

    private static async Task<long> CountAsync(
        DbConnection connection, SqlStatement statement, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        var command = CreateCommand(connection, null, statement);
        await using (command.ConfigureAwait(false))
        {
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.DbType = DbType.String;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement, CancellationToken cancellationToken)
    {
        var command = CreateCommand(connection, transaction, statement);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Only the validated schema name and a clamped number are formatted into these statements.
        command.CommandText = statement.Text;
#pragma warning restore CA2100
        return command;
    }

    /// <summary>Ends the transaction that holds the table lock and closes its connection.</summary>
    private sealed class TableLock(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Nothing was written under the lock: rolling back just releases it.
                await transaction.RollbackAsync().ConfigureAwait(false);
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
