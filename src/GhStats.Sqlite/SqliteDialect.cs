using System.Data;
using System.Data.Common;
using System.Globalization;
using GhStats.Storage;
using Microsoft.Data.Sqlite;

namespace GhStats.Sqlite;

/// <summary>SQLite's SQL: no schemas, dates and timestamps as sortable text, scalar MAX, LIMIT.</summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <summary>Creates the dialect.</summary>
    public SqliteDialect()
        : base(schema: null)
    {
    }

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    /// <remarks>
    /// SQLite allows 32,766, but binding by name costs more per parameter the more a statement has: about 200 (some 30
    /// rows) writes several times faster than 3,000 (see bench/README.md).
    /// </remarks>
    public override int MaxParameters => 200;

    /// <inheritdoc />
    /// <remarks>SQLite has no row locks: a write transaction holds the whole database, so its writers already take turns.</remarks>
    public override string LockRows => string.Empty;

    /// <inheritdoc />
    public override string Greatest(string left, string right) => $"MAX({left}, {right})";

    /// <inheritdoc />
    public override string WeekStart(string dateExpression) =>
        $"date({dateExpression}, '-' || ((CAST(strftime('%w', {dateExpression}) AS INTEGER) + 6) % 7) || ' days')";

    /// <inheritdoc />
    public override string MonthStart(string dateExpression) => $"strftime('%Y-%m-01', {dateExpression})";

    /// <inheritdoc />
    public override string FirstRows(int rows) => string.Create(CultureInfo.InvariantCulture, $"LIMIT {rows}");

    /// <inheritdoc />
    public override (object Value, DbType Type) DateValue(DateOnly day) =>
        (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DbType.String);

    /// <inheritdoc />
    public override (object Value, DbType Type) TimestampValue(DateTimeOffset instant) =>
        (instant.UtcDateTime.ToString(SqliteTimestampFormat, CultureInfo.InvariantCulture), DbType.String);

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}
