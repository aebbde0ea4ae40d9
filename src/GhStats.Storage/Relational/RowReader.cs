using System.Data.Common;
using System.Globalization;

namespace GhStats.Storage.Relational;

/// <summary>Reads one row's columns by position, converting dates and timestamps through the dialect.</summary>
internal readonly struct RowReader(DbDataReader reader, SqlDialect dialect)
{
    public long Int64(int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public long? NullableInt64(int ordinal) => reader.IsDBNull(ordinal) ? null : Int64(ordinal);

    public int Int32(int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public int? NullableInt32(int ordinal) => reader.IsDBNull(ordinal) ? null : Int32(ordinal);

    public string Text(int ordinal) => reader.GetString(ordinal);

    public string? NullableText(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public DateOnly Date(int ordinal) => dialect.ReadDate(reader, ordinal);

    public DateOnly? NullableDate(int ordinal) => reader.IsDBNull(ordinal) ? null : dialect.ReadDate(reader, ordinal);

    public DateTimeOffset Timestamp(int ordinal) => dialect.ReadTimestamp(reader, ordinal);

    public DateTimeOffset? NullableTimestamp(int ordinal) => reader.IsDBNull(ordinal) ? null : dialect.ReadTimestamp(reader, ordinal);

    public TEnum Enum<TEnum>(int ordinal)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(reader.GetString(ordinal));
}
