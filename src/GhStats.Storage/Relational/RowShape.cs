using System.Data.Common;
using System.Globalization;

namespace GhStats.Storage.Relational;

/// <summary>
/// The columns one kind of row carries, declared once: statements write their SELECT list from it, and a
/// <see cref="RowReader"/> finds each column by name once per result set, so a column added, dropped or moved in a
/// query cannot shift what another column reads. Names compare case-insensitively: Db2 folds unquoted names to upper
/// case and PostgreSQL to lower case.
/// </summary>
/// <remarks>
/// A shape may extend another: the base's columns keep their slots and the new ones follow, so the base's reader (e.g.
/// <see cref="RepositoryRows.Read"/>) reads a row of the extended shape too. Columns are declared in static fields;
/// the shape is sealed once a statement or a reader first uses it.
/// </remarks>
internal sealed class RowShape
{
    private readonly List<(string Name, string? Expression)> _columns = [];
    private Dictionary<string, int>? _slots;

    /// <summary>Starts a shape.</summary>
    /// <param name="name">What a row of it is, for error messages, e.g. "repository".</param>
    /// <param name="extends">A shape whose columns this one carries first.</param>
    public RowShape(string name, RowShape? extends = null)
    {
        Name = name;
        Base = extends;
        if (extends is not null)
        {
            extends.Seal();
            _columns.AddRange(extends._columns);
        }
    }

    public string Name { get; }

    public RowShape? Base { get; }

    /// <summary>How many columns a row of this shape carries, its base's included.</summary>
    public int Count => _columns.Count;

    /// <summary>Declares a column.</summary>
    /// <param name="name">The name it is read by; for a plain column, also the table column selected.</param>
    /// <param name="expression">What to select instead of the plain column: <c>expression AS name</c>, or a column of another table of the same name (<c>m.role</c>).</param>
    /// <returns>The column, for the shape's reader.</returns>
    public RowColumn Column(string name, string? expression = null)
    {
        if (_slots is not null)
        {
            throw new InvalidOperationException($"Row shape '{Name}' is already in use; declare column '{name}' with the others.");
        }

        if (_columns.Exists(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Row shape '{Name}' already has a column '{name}'.");
        }

        _columns.Add((name, expression));
        return new RowColumn(this, _columns.Count - 1, name);
    }

    /// <summary>The SELECT list, in declaration order.</summary>
    /// <param name="alias">The table alias that qualifies plain columns, if the query has one.</param>
    /// <returns>E.g. <c>r.id, r.owner, SUM(d.views) AS views</c>.</returns>
    public string Select(string? alias = null)
    {
        Seal();
        var prefix = alias is null ? string.Empty : alias + ".";
        return string.Join(", ", _columns.Select(c => c.Expression switch
        {
            null => prefix + c.Name,

            // Another table's column of the same name (m.role) is named by the database as it is.
            { } qualified when qualified.EndsWith("." + c.Name, StringComparison.Ordinal) => qualified,
            { } expression => $"{expression} AS {c.Name}",
        }));
    }

    /// <summary>Whether a row of this shape carries <paramref name="shape"/>'s columns in their slots.</summary>
    /// <param name="shape">This shape or one it extends.</param>
    /// <returns>True when the columns can be read from this shape's rows.</returns>
    public bool Carries(RowShape shape)
    {
        for (var each = this; each is not null; each = each.Base)
        {
            if (ReferenceEquals(each, shape))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds where each column sits in a result: once per result set, never per row.</summary>
    /// <param name="reader">The open result.</param>
    /// <returns>The result's ordinal of each column, by slot.</returns>
    /// <exception cref="InvalidOperationException">When a column is missing or appears twice.</exception>
    public int[] Resolve(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slots = Seal();
        var ordinals = new int[_columns.Count];
        Array.Fill(ordinals, -1);
        var fields = reader.FieldCount;
        for (var ordinal = 0; ordinal < fields; ordinal++)
        {
            if (!slots.TryGetValue(reader.GetName(ordinal), out var slot))
            {
                continue;
            }

            if (ordinals[slot] >= 0)
            {
                throw new InvalidOperationException(
                    $"The result read as a {Name} has column '{_columns[slot].Name}' twice (at {ordinals[slot]} and {ordinal}); alias one of them.");
            }

            ordinals[slot] = ordinal;
        }

        var missing = Enumerable.Range(0, ordinals.Length).Where(slot => ordinals[slot] < 0).Select(slot => _columns[slot].Name).ToList();
        if (missing.Count > 0)
        {
            var present = string.Join(", ", Enumerable.Range(0, fields).Select(reader.GetName));
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The result read as a {Name} lacks column(s) {string.Join(", ", missing)}; it has {present}."));
        }

        return ordinals;
    }

    public override string ToString() => Name;

    private Dictionary<string, int> Seal()
    {
        if (_slots is null)
        {
            var slots = new Dictionary<string, int>(_columns.Count, StringComparer.OrdinalIgnoreCase);
            for (var slot = 0; slot < _columns.Count; slot++)
            {
                slots.Add(_columns[slot].Name, slot);
            }

            Interlocked.CompareExchange(ref _slots, slots, null);
        }

        return _slots;
    }
}
