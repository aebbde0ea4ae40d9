using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace GhStats.Storage.Relational;

/// <summary>
/// Reads the current row of a result by the columns of its <see cref="RowShape"/>, converting dates and timestamps
/// through the dialect. The ordinals are found by name when the result opens, so a row costs an array lookup per column.
/// </summary>
internal readonly struct RowReader
{
    private readonly DbDataReader _reader;
    private readonly SqlDialect _dialect;
    private readonly RowShape _shape;
    private readonly int[] _ordinals;

    /// <summary>Binds a result to a shape, finding each column's ordinal by name.</summary>
    /// <param name="reader">The open result.</param>
    /// <param name="dialect">The provider's dialect.</param>
    /// <param name="shape">The columns the result carries.</param>
    public RowReader(DbDataReader reader, SqlDialect dialect, RowShape shape)
    {
        _reader = reader;
        _dialect = dialect;
        _shape = shape;
        _ordinals = shape.Resolve(reader);
    }

    public long Int64(RowColumn column) => Convert.ToInt64(_reader.GetValue(Ordinal(column)), CultureInfo.InvariantCulture);

    public long? NullableInt64(RowColumn column) => _reader.IsDBNull(Ordinal(column)) ? null : Int64(column);

    public int Int32(RowColumn column) => Convert.ToInt32(_reader.GetValue(Ordinal(column)), CultureInfo.InvariantCulture);

    public int? NullableInt32(RowColumn column) => _reader.IsDBNull(Ordinal(column)) ? null : Int32(column);

    public string Text(RowColumn column) => _reader.GetString(Ordinal(column));

    public string? NullableText(RowColumn column) => _reader.IsDBNull(Ordinal(column)) ? null : _reader.GetString(Ordinal(column));

    public DateOnly Date(RowColumn column) => _dialect.ReadDate(_reader, Ordinal(column));

    public DateOnly? NullableDate(RowColumn column) => _reader.IsDBNull(Ordinal(column)) ? null : Date(column);

    public DateTimeOffset Timestamp(RowColumn column) => _dialect.ReadTimestamp(_reader, Ordinal(column));

    public DateTimeOffset? NullableTimestamp(RowColumn column) => _reader.IsDBNull(Ordinal(column)) ? null : Timestamp(column);

    public TEnum Enum<TEnum>(RowColumn column)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(_reader.GetString(Ordinal(column)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Ordinal(RowColumn column) =>
        ReferenceEquals(column.Shape, _shape) || _shape.Carries(column.Shape)
            ? _ordinals[column.Slot]
            : throw new InvalidOperationException($"Column '{column.Name}' of a {column.Shape} is read from a result shaped as a {_shape}.");
}
