using System.Data.Common;
using FluentMigrator.Runner;

namespace GhStats.Storage;

/// <summary>
/// What a database provider package gives the shared relational store: its dialect, connections, how FluentMigrator
/// reaches it, and how two processes are kept from migrating at once.
/// </summary>
public abstract class RelationalStoreProvider
{
    /// <summary>The provider's dialect.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The connection string FluentMigrator uses.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Creates a connection that is not open yet.</summary>
    /// <returns>The connection.</returns>
    public abstract DbConnection CreateConnection();

    /// <summary>Runs once on every newly opened connection (session settings).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once done.</returns>
    public virtual Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for this process's turn to write, where the database admits one writer at a time; null where it admits many.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A handle that ends the turn, or null.</returns>
    public virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Adds the FluentMigrator processor and generator for this database.</summary>
    /// <param name="runner">The runner builder.</param>
    public abstract void ConfigureMigrationRunner(IMigrationRunnerBuilder runner);

    /// <summary>Takes the lock that keeps two processes from migrating the same database at once.</summary>
    /// <param name="timeout">How long to wait for another process's migration.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A handle that releases the lock.</returns>
    /// <exception cref="TimeoutException">When another process holds it longer than <paramref name="timeout"/>.</exception>
    public abstract Task<IAsyncDisposable> AcquireMigrationLockAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
