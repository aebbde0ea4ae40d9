using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using GhStats.Storage;
using GhStats.Storage.Sql;

namespace GhStats.Db2;

/// <summary>
/// Db2 LUW's SQL: tables in a schema, date arithmetic in labeled durations, SELECT FROM FINAL TABLE for generated ids,
/// and MERGE with typed parameter markers for batches.
/// </summary>
/// <param name="schema">The schema that holds GhStats' tables.</param>
public sealed class Db2Dialect(string schema) : SqlDialect(schema)
{
    /// <inheritdoc />
    public override string Name => "db2";

    /// <inheritdoc />
    /// <remarks>Far below Db2's own limits: a batch of a few hundred rows already amortises the round trip.</remarks>
    public override int MaxParameters => 4_000;

    /// <inheritdoc />
    public override string WeekStart(string dateExpression) => $"{dateExpression} - (DAYOFWEEK_ISO({dateExpression}) - 1) DAYS";

    /// <inheritdoc />
    public override string MonthStart(string dateExpression) => $"{dateExpression} - (DAY({dateExpression}) - 1) DAYS";

    /// <inheritdoc />
    /// <remarks>Read stability with exclusive locks: the rows read stay locked against other writers until the transaction ends (readers see the last committed version).</remarks>
    public override string LockRows => "WITH RS USE AND KEEP EXCLUSIVE LOCKS";

    /// <inheritdoc />
    public override string InsertReturningId(string table, string columns, string values) =>
        $"SELECT id FROM FINAL TABLE (INSERT INTO {table} ({columns}) VALUES ({values}))";

    /// <inheritdoc />
    public override string Merge(MergeShape shape, int rows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var sql = new StringBuilder();
        sql.Append("MERGE INTO ").Append(Table(shape.Table)).Append(" AS t USING (VALUES ");

        // Db2 cannot type an untyped parameter marker inside a VALUES list, so every marker carries its column's type.
        AppendValueRows(sql, shape, rows, (column, parameter) => $"CAST(@{parameter} AS {ParameterType(column)})");
        sql.Append(") AS s (").AppendJoin(", ", shape.Columns.Select(c => c.Name)).Append(") ON ")
            .AppendJoin(" AND ", shape.Keys.Select(c => $"t.{c.Name} = s.{c.Name}"));
        var updated = shape.Values.Where(c => c.Rule != MergeRule.Keep).ToList();
        if (updated.Count > 0)
        {
            sql.Append(" WHEN MATCHED THEN UPDATE SET ")
                .AppendJoin(", ", updated.Select(c => $"{c.Name} = {Updated(c, $"t.{c.Name}", $"s.{c.Name}")}"));
        }

        sql.Append(" WHEN NOT MATCHED THEN INSERT (").AppendJoin(", ", shape.Columns.Select(c => c.Name))
            .Append(") VALUES (").AppendJoin(", ", shape.Columns.Select(c => $"s.{c.Name}")).Append(')');
        return sql.ToString();
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) => Db2Error.Is(exception, "23505", "SQL0803N");

    /// <inheritdoc />
    /// <remarks>IBM's driver binds dates from <see cref="DateTime"/>, not <see cref="DateOnly"/>.</remarks>
    public override (object Value, DbType Type) DateValue(DateOnly day) => (day.ToDateTime(TimeOnly.MinValue), DbType.Date);

    /// <summary>The SQL type a merge parameter is cast to.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The type.</returns>
    private static string ParameterType(ColumnShape column) => column.Type switch
    {
        ColumnType.Count => "INTEGER",
        ColumnType.Identifier => "BIGINT",
        ColumnType.Date => "DATE",

        // VARGRAPHIC counts UTF-16 code units like .NET's string length; a VARCHAR(n) cast counts bytes and silently truncates longer UTF-8.
        ColumnType.Text => string.Create(CultureInfo.InvariantCulture, $"VARGRAPHIC({column.Length})"),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
    };
}
