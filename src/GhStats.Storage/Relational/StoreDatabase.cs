using System.Data.Common;
using System.Runtime.CompilerServices;
using GhStats.Storage.Sql;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.Relational;

/// <summary>Opens connections and runs units of work: reads on a connection, writes in one transaction each.</summary>
internal sealed class StoreDatabase(RelationalStoreProvider provider, IOptions<GhStatsStorageOptions> options, TimeProvider clock)
{
    public SqlDialect Dialect => provider.Dialect;

    public TimeProvider Clock => clock;

    /// <summary>Now, cut to whole microseconds: PostgreSQL and Db2 timestamps keep no finer, so what a write returns equals what a read gives back.</summary>
    public DateTimeOffset Now => ToMicroseconds(clock.GetUtcNow());

    /// <summary>An instant cut to whole microseconds, as PostgreSQL and Db2 keep it.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await work(connection).ConfigureAwait(false);
        }
    }

    /// <summary>Streams what <paramref name="work"/> reads, on a connection that stays open until the enumeration ends.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(Func<DbConnection, CancellationToken, IAsyncEnumerable<T>> work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await foreach (var item in work(connection, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var turn = await provider.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(connection, transaction).ConfigureAwait(false);

                // Once the work is done it commits even if the caller gave up meanwhile: a half-cancelled commit helps nobody.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
        }
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public StoreCommand Command(DbConnection connection, DbTransaction? transaction, SqlStatement statement) =>
        new(connection, transaction, statement, provider.Dialect, options.Value.CommandTimeout);

    public StoreCommand Command(DbConnection connection, SqlStatement statement) => Command(connection, null, statement);

    /// <summary>Runs a COUNT statement and throws "not found" when it counts nothing.</summary>
    public async Task RequireAsync(
        DbConnection connection,
        DbTransaction? transaction,
        SqlStatement countStatement,
        Func<StoreCommand, StoreCommand> bind,
        string entity,
        object key,
        CancellationToken cancellationToken)
    {
        using var command = bind(Command(connection, transaction, countStatement));
        if (await command.ScalarInt64Async(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new GhStatsNotFoundException(entity, key);
        }
    }

    /// <summary>Writes rows in batches of <paramref name="batchRows"/> inside the caller's transaction, one merge statement a batch.</summary>
    public async Task WriteBatchesAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<T> rows,
        int batchRows,
        Func<int, SqlStatement> statement,
        Func<StoreCommand, T, int, StoreCommand> bind,
        CancellationToken cancellationToken)
    {
        // Full batches reuse one command, so the provider prepares the statement once; only the last batch differs.
        StoreCommand? full = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += batchRows)
            {
                var count = Math.Min(batchRows, rows.Count - offset);
                using var last = count == batchRows ? null : Command(connection, transaction, statement(count));
                var command = last ?? (full ??= Command(connection, transaction, statement(count))).ClearParameters();
                for (var i = 0; i < count; i++)
                {
                    bind(command, rows[offset + i], i);
                }

                await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = provider.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await provider.OnOpenedAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
