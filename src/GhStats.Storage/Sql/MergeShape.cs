namespace GhStats.Storage.Sql;

/// <summary>A table written by merges: key columns first, then value columns with their rules.</summary>
/// <param name="Table">The table's unqualified name.</param>
/// <param name="Columns">Every column written, keys first.</param>
public sealed record MergeShape(string Table, IReadOnlyList<ColumnShape> Columns)
{
    /// <summary>The key columns.</summary>
    public IEnumerable<ColumnShape> Keys => Columns.Where(c => c.Rule == MergeRule.Key);

    /// <summary>The value columns.</summary>
    public IEnumerable<ColumnShape> Values => Columns.Where(c => c.Rule != MergeRule.Key);

    /// <summary>The parameter that carries <paramref name="column"/> of row <paramref name="row"/> in a batch.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row's position in the batch.</param>
    /// <returns>A parameter name without prefix.</returns>
    public static string ParameterName(ColumnShape column, int row) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{column.Name}_{row}");
}
