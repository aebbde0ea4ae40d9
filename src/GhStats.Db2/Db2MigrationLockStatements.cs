using System.Globalization;
using GhStats.Storage.Sql;

namespace GhStats.Db2;

/// <summary>
/// The SQL of the Db2 migration lock. Db2 has no advisory locks, so processes queue on an exclusive table lock on
/// <c>{schema}.migration_lock</c>, held in a transaction for as long as one of them migrates.
/// </summary>
/// <param name="schema">The schema that holds GhStats' tables.</param>
internal sealed class Db2MigrationLockStatements(string schema)
{
    /// <summary>Db2's upper limit for CURRENT LOCK TIMEOUT, in seconds.</summary>
    public const int MaxLockTimeoutSeconds = 32_767;

    /// <summary>The catalogue stores unquoted names in upper case.</summary>
    public string CatalogSchemaName { get; } = schema.ToUpperInvariant();

    /// <summary>The lock table's name as the catalogue stores it.</summary>
    public const string CatalogTableName = "MIGRATION_LOCK";

    public SqlStatement SchemaExists { get; } =
        new("MigrationLock.SchemaExists", "SELECT COUNT(*) FROM SYSCAT.SCHEMATA WHERE SCHEMANAME = @schema_name");

    public SqlStatement CreateSchema { get; } = new("MigrationLock.CreateSchema", $"CREATE SCHEMA {schema}");

    public SqlStatement TableExists { get; } =
        new("MigrationLock.TableExists", "SELECT COUNT(*) FROM SYSCAT.TABLES WHERE TABSCHEMA = @schema_name AND TABNAME = @table_name");

    public SqlStatement CreateTable { get; } =
        new("MigrationLock.CreateTable", $"CREATE TABLE {schema}.migration_lock (id INTEGER NOT NULL PRIMARY KEY)");

    public SqlStatement LockTable { get; } = new("MigrationLock.LockTable", $"LOCK TABLE {schema}.migration_lock IN EXCLUSIVE MODE");

    /// <summary>Back to the database's LOCKTIMEOUT, should the pool hand this connection out again.</summary>
    public SqlStatement ResetLockTimeout { get; } = new("MigrationLock.ResetLockTimeout", "SET CURRENT LOCK TIMEOUT NULL");

    /// <summary>How long LOCK TABLE waits for another process; the special register takes no parameter marker.</summary>
    /// <param name="timeout">The wait.</param>
    /// <returns>The statement.</returns>
    public static SqlStatement SetLockTimeout(TimeSpan timeout) => new(
        "MigrationLock.SetLockTimeout",
        string.Create(CultureInfo.InvariantCulture, $"SET CURRENT LOCK TIMEOUT {LockTimeoutSeconds(timeout)}"));

    /// <summary>The wait in whole seconds, within what Db2 accepts.</summary>
    /// <param name="timeout">The wait.</param>
    /// <returns>Seconds.</returns>
    public static int LockTimeoutSeconds(TimeSpan timeout) => (int)Math.Clamp(Math.Ceiling(timeout.TotalSeconds), 1, MaxLockTimeoutSeconds);

    /// <summary>Every statement in the order the lock runs them, for golden tests and DBAs.</summary>
    /// <param name="timeout">The wait written into SET CURRENT LOCK TIMEOUT.</param>
    /// <returns>The statements.</returns>
    public IReadOnlyList<SqlStatement> All(TimeSpan timeout) =>
        [SchemaExists, CreateSchema, TableExists, CreateTable, SetLockTimeout(timeout), LockTable, ResetLockTimeout];
}
