using System.Reflection;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Sql;

/// <summary>
/// Every statement the relational store runs, rendered for a dialect: for golden tests (Db2's statements cannot be run
/// here, so their text is checked) and for DBAs who review what GhStats will execute. Batch statements are rendered for
/// one and two rows; listings by a limit for 50.
/// </summary>
public static class StatementCatalog
{
    /// <summary>Renders every statement for a dialect, ordered by name.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The statements.</returns>
    public static IReadOnlyList<SqlStatement> Render(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var statements = new List<SqlStatement>();
        foreach (var type in typeof(StatementSet).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StatementSet)) && !t.IsAbstract))
        {
            var set = Activator.CreateInstance(type, dialect)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                switch (property.GetValue(set))
                {
                    case SqlStatement statement:
                        statements.Add(statement);
                        break;
                    case IEnumerable<SqlStatement> many:
                        statements.AddRange(many);
                        break;
                }
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(SqlStatement) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(int)))
            {
                var counts = method.Name.StartsWith("Merge", StringComparison.Ordinal) ? new[] { 1, 2 } : [50];
                foreach (var count in counts)
                {
                    var statement = (SqlStatement)method.Invoke(set, [count])!;
                    statements.Add(statement with { Name = $"{statement.Name}[{count}]" });
                }
            }
        }

        return statements.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the statements as one text, a comment with the name above each.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The text, one statement per paragraph.</returns>
    public static string RenderText(SqlDialect dialect) =>
        string.Join("\n", Render(dialect).Select(s => $"-- {s.Name}\n{s.Text};\n"));
}
