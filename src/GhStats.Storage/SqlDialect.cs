using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using GhStats.Storage.Sql;

namespace GhStats.Storage;

/// <summary>
/// Where the providers' SQL differs: every difference is one named hook here, and every statement the store runs is
/// written once, in <c>GhStats.Storage</c>, in terms of these hooks. Identifiers are unquoted snake_case in every dialect.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Creates a dialect.</summary>
    /// <param name="schema">The schema that holds the tables, or null where the database has none (SQLite).</param>
    protected SqlDialect(string? schema) => Schema = schema;

    /// <summary>The provider's name: "sqlite", "postgres", "db2".</summary>
    public abstract string Name { get; }

    /// <summary>The schema, or null.</summary>
    public string? Schema { get; }

    /// <summary>How many parameters one statement may carry.</summary>
    public virtual int MaxParameters => 30_000;

    /// <summary>A table's name as statements write it.</summary>
    /// <param name="name">The unqualified name.</param>
    /// <returns>The schema-qualified name where there is a schema.</returns>
    public string Table(string name) => Schema is null ? name : $"{Schema}.{name}";

    /// <summary>The larger of two values.</summary>
    /// <param name="left">An expression.</param>
    /// <param name="right">An expression.</param>
    /// <returns>SQL for the larger.</returns>
    public virtual string Greatest(string left, string right) => $"GREATEST({left}, {right})";

    /// <summary>The Monday that starts the week of a date expression (GitHub's weeks start on Monday).</summary>
    /// <param name="dateExpression">A date expression.</param>
    /// <returns>SQL for that Monday, of the same type as the column.</returns>
    public abstract string WeekStart(string dateExpression);

    /// <summary>The first day of the month of a date expression.</summary>
    /// <param name="dateExpression">A date expression.</param>
    /// <returns>SQL for that day, of the same type as the column.</returns>
    public abstract string MonthStart(string dateExpression);

    /// <summary>The clause that keeps the first <paramref name="rows"/> rows of an ordered query.</summary>
    /// <param name="rows">The row count (a validated number, written as a literal).</param>
    /// <returns>The clause.</returns>
    public virtual string FirstRows(int rows) => string.Create(CultureInfo.InvariantCulture, $"FETCH FIRST {rows} ROWS ONLY");

    /// <summary>An INSERT of one row that returns the generated <c>id</c> as its only column.</summary>
    /// <param name="table">The qualified table.</param>
    /// <param name="columns">The column list.</param>
    /// <param name="values">The values list.</param>
    /// <returns>The statement.</returns>
    public virtual string InsertReturningId(string table, string columns, string values) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id";

    /// <summary>
    /// A multi-row merge: rows that are new are inserted; for existing keys each value column follows its rule
    /// (keep the larger, take the new, or keep the stored). Parameters are named by <see cref="MergeShape.ParameterName"/>.
    /// </summary>
    /// <param name="shape">The table and its columns.</param>
    /// <param name="rows">How many rows the statement carries.</param>
    /// <returns>The statement.</returns>
    public virtual string Merge(MergeShape shape, int rows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var table = Table(shape.Table);
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(table).Append(" (")
            .AppendJoin(", ", shape.Columns.Select(c => c.Name)).Append(") VALUES ");
        AppendValueRows(sql, shape, rows, (_, parameter) => "@" + parameter);
        sql.Append(" ON CONFLICT (").AppendJoin(", ", shape.Keys.Select(c => c.Name)).Append(')');
        var updated = shape.Values.Where(c => c.Rule != MergeRule.Keep).ToList();
        if (updated.Count == 0)
        {
            return sql.Append(" DO NOTHING").ToString();
        }

        sql.Append(" DO UPDATE SET ")
            .AppendJoin(", ", updated.Select(c => $"{c.Name} = {Updated(c, $"{table}.{c.Name}", $"excluded.{c.Name}")}"));
        return sql.ToString();
    }

    /// <summary>
    /// The clause that ends a SELECT of rows to lock them until the transaction ends, so that concurrent writers of the
    /// same rows take turns (a repository's writes of daily traffic and its rollups). Empty where a write transaction
    /// already holds the whole database.
    /// </summary>
    public virtual string LockRows => "FOR NO KEY UPDATE";

    /// <summary>A merged value column's new value by its rule: the larger, the sum, or the new one.</summary>
    /// <param name="column">The column.</param>
    /// <param name="stored">The stored value's expression.</param>
    /// <param name="incoming">The new value's expression.</param>
    /// <returns>SQL for the value.</returns>
    protected string Updated(ColumnShape column, string stored, string incoming)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Rule switch
        {
            MergeRule.Max => Greatest(stored, incoming),
            MergeRule.Add => $"{stored} + {incoming}",
            _ => incoming,
        };
    }

    /// <summary>Whether an exception is a unique-key violation.</summary>
    /// <param name="exception">The provider's exception.</param>
    /// <returns>True for a duplicate key.</returns>
    public virtual bool IsUniqueViolation(DbException exception) => exception?.SqlState == "23505";

    /// <summary>A day as the provider's parameter value.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The value and its type.</returns>
    public virtual (object Value, DbType Type) DateValue(DateOnly day) => (day, DbType.Date);

    /// <summary>Reads a day.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The day.</returns>
    public virtual DateOnly ReadDate(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetValue(ordinal) switch
        {
            DateOnly day => day,
            DateTime time => DateOnly.FromDateTime(time),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            var other => throw new InvalidCastException($"Cannot read a date from {other.GetType()}."),
        };
    }

    /// <summary>A UTC instant as the provider's parameter value (timestamp columns hold UTC without an offset).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The value and its type.</returns>
    public virtual (object Value, DbType Type) TimestampValue(DateTimeOffset instant) =>
        (DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified), DbType.DateTime);

    /// <summary>Reads a UTC instant.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The instant.</returns>
    public virtual DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetValue(ordinal) switch
        {
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            string text => new DateTimeOffset(DateTime.SpecifyKind(
                DateTime.ParseExact(text, SqliteTimestampFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc)),
            var other => throw new InvalidCastException($"Cannot read a timestamp from {other.GetType()}."),
        };
    }

    /// <summary>The text form of timestamps where the database stores them as text; fixed width, so it sorts.</summary>
    protected const string SqliteTimestampFormat = "yyyy-MM-dd HH:mm:ss.fffffff";

    /// <summary>Appends "(@a_0, @b_0), (@a_1, @b_1)" for a batch.</summary>
    /// <param name="sql">The statement being built.</param>
    /// <param name="shape">The columns.</param>
    /// <param name="rows">The row count.</param>
    /// <param name="value">Renders one parameter from its column and name (to add a cast, say).</param>
    protected static void AppendValueRows(StringBuilder sql, MergeShape shape, int rows, Func<ColumnShape, string, string> value)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(value);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            sql.AppendJoin(", ", shape.Columns.Select(c => value(c, MergeShape.ParameterName(c, row))));
            sql.Append(')');
        }
    }
}
