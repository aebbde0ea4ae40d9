using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Relational;

/// <summary>A command for one <see cref="SqlStatement"/> with typed parameters; raw SQL strings never reach the database.</summary>
internal sealed class StoreCommand : IDisposable
{
    private readonly DbCommand _command;
    private readonly SqlDialect _dialect;

    public StoreCommand(DbConnection connection, DbTransaction? transaction, SqlStatement statement, SqlDialect dialect, TimeSpan timeout)
    {
        _dialect = dialect;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
#pragma warning disable CA2100 // Statements come from the fixed catalogue; values always travel as parameters.
        _command.CommandText = statement.Text;
#pragma warning restore CA2100
        _command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
    }

    public StoreCommand With(string name, long value) => Add(name, value, DbType.Int64);

    public StoreCommand With(string name, long? value) => Add(name, value, DbType.Int64);

    public StoreCommand With(string name, int value) => Add(name, value, DbType.Int32);

    public StoreCommand With(string name, int? value) => Add(name, value, DbType.Int32);

    public StoreCommand With(string name, string? value) => Add(name, value, DbType.String);

    public StoreCommand With(string name, DateOnly value)
    {
        var (converted, type) = _dialect.DateValue(value);
        return Add(name, converted, type);
    }

    public StoreCommand With(string name, DateOnly? value) =>
        value is { } day ? With(name, day) : Add(name, null, _dialect.DateValue(default).Type);

    public StoreCommand With(string name, DateTimeOffset value)
    {
        var (converted, type) = _dialect.TimestampValue(value);
        return Add(name, converted, type);
    }

    public StoreCommand With(string name, DateTimeOffset? value) =>
        value is { } instant ? With(name, instant) : Add(name, null, _dialect.TimestampValue(default).Type);

    public StoreCommand WithEnum<TEnum>(string name, TEnum value)
        where TEnum : struct, Enum => Add(name, value.ToString(), DbType.String);

    /// <summary>Drops the parameters so the same statement runs again with new values; providers keep it prepared.</summary>
    public StoreCommand ClearParameters()
    {
        _command.Parameters.Clear();
        return this;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    public async Task<long?> ScalarInt64Async(CancellationToken cancellationToken)
    {
        var value = await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads every row of the result, whose columns <paramref name="shape"/> names.</summary>
    public async Task<List<T>> ListAsync<T>(RowShape shape, Func<RowReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var row = new RowReader(reader, _dialect, shape);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(row));
            }
        }

        return rows;
    }

    /// <summary>Reads the first row of the result, whose columns <paramref name="shape"/> names, or null when there is none.</summary>
    public async Task<T?> FirstOrDefaultAsync<T>(RowShape shape, Func<RowReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(new RowReader(reader, _dialect, shape)) : null;
        }
    }

    /// <summary>Reads the rows of the result one at a time, as the caller asks for them; the result stays open meanwhile.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(RowShape shape, Func<RowReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var row = new RowReader(reader, _dialect, shape);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return map(row);
            }
        }
    }

    public void Dispose() => _command.Dispose();

    private StoreCommand Add(string name, object? value, DbType type)
    {
        var parameter = _command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        _command.Parameters.Add(parameter);
        return this;
    }
}
