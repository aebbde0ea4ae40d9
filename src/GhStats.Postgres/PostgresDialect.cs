using System.Data;
using GhStats.Storage;

namespace GhStats.Postgres;

/// <summary>PostgreSQL's SQL: tables in a schema, date_trunc for ISO weeks (Monday) and months.</summary>
/// <param name="schema">The schema that holds GhStats' tables.</param>
public sealed class PostgresDialect(string schema) : SqlDialect(schema)
{
    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override int MaxParameters => 65_535;

    /// <inheritdoc />
    public override string WeekStart(string dateExpression) => $"CAST(date_trunc('week', {dateExpression}) AS DATE)";

    /// <inheritdoc />
    public override string MonthStart(string dateExpression) => $"CAST(date_trunc('month', {dateExpression}) AS DATE)";

    /// <inheritdoc />
    /// <remarks>Npgsql maps DbType.DateTime to timestamptz; the columns are timestamp (UTC by convention), which is DateTime2.</remarks>
    public override (object Value, DbType Type) TimestampValue(DateTimeOffset instant) =>
        (DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified), DbType.DateTime2);
}
