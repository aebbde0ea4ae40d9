using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.Storage;
using GhStats.Storage.Traffic;

namespace GhStats.Bench.Merge;

/// <summary>
/// Writes traffic rows over plain ADO.NET the way the store batches them: one transaction per repository, multi-row
/// statements of the store's batch size with one command reused for every full batch, the store's parameter names and
/// types. Only the statement text varies.
/// </summary>
/// <param name="dialect">The store's dialect, for day values and its batch size.</param>
/// <param name="statement">The statement text for a number of rows.</param>
/// <param name="rowsPerStatement">Rows per statement; the store's (0) unless a benchmark varies it.</param>
internal sealed class TrafficBatchWriter(SqlDialect dialect, Func<int, string> statement, int rowsPerStatement = 0)
{
    private readonly int _rowsPerStatement = rowsPerStatement > 0 ? rowsPerStatement : StoreRowsPerStatement(dialect);

    /// <summary>The store's batch for daily traffic on a dialect: 33 rows on SQLite, 500 on PostgreSQL.</summary>
    public static int StoreRowsPerStatement(SqlDialect dialect) => new TrafficStatements(dialect).BatchRows(TrafficStatements.DailyShape);

    public static readonly string[] Columns = ["repo_id", "day", "views", "unique_views", "clones", "unique_clones"];

    private readonly Dictionary<int, string> _statements = [];

    /// <summary>A plain multi-row INSERT with no conflict handling.</summary>
    /// <param name="dialect">The dialect, for the table name.</param>
    /// <param name="rows">Rows in the statement.</param>
    /// <returns>The statement.</returns>
    public static string PlainInsert(SqlDialect dialect, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(dialect.Table("traffic_daily"))
            .Append(" (").AppendJoin(", ", Columns).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", Columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"@{c}_{row}")))
                .Append(')');
        }

        return sql.ToString();
    }

    /// <summary>Writes each repository's rows in its own transaction.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="repositories">The rows, one array per repository.</param>
    /// <returns>A task.</returns>
    public async Task WriteAsync(DbConnection connection, IEnumerable<TrafficDay[]> repositories)
    {
        foreach (var days in repositories)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            DbCommand? full = null;
            try
            {
                for (var offset = 0; offset < days.Length; offset += _rowsPerStatement)
                {
                    var count = Math.Min(_rowsPerStatement, days.Length - offset);
                    await using var last = count == _rowsPerStatement ? null : Command(connection, transaction, count);
                    var command = last ?? (full ??= Command(connection, transaction, count));
                    command.Parameters.Clear();
                    for (var i = 0; i < count; i++)
                    {
                        var d = days[offset + i];
                        var (day, dayType) = dialect.DateValue(d.Day);
                        Add(command, $"repo_id_{i}", d.RepositoryId, DbType.Int64);
                        Add(command, $"day_{i}", day, dayType);
                        Add(command, $"views_{i}", d.Views, DbType.Int32);
                        Add(command, $"unique_views_{i}", d.UniqueViews, DbType.Int32);
                        Add(command, $"clones_{i}", d.Clones, DbType.Int32);
                        Add(command, $"unique_clones_{i}", d.UniqueClones, DbType.Int32);
                    }

                    await command.ExecuteNonQueryAsync();
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }

            await transaction.CommitAsync();
        }
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Statement(rows);
        return command;
    }

    private static void Add(DbCommand command, string name, object value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private string Statement(int rows)
    {
        if (!_statements.TryGetValue(rows, out var text))
        {
            text = statement(rows);
            _statements[rows] = text;
        }

        return text;
    }
}
