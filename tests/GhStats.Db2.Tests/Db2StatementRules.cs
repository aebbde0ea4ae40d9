using System.Text.RegularExpressions;
using GhStats.Storage.Sql;

namespace GhStats.Db2.Tests;

/// <summary>Checks on the text of statements that Db2 LUW would reject, or that would reach the wrong schema; each returns the offences.</summary>
internal static partial class Db2StatementRules
{
    /// <summary>Constructs of other dialects that Db2 LUW lacks or treats differently.</summary>
    public static readonly string[] ForeignConstructs = ["LIMIT", "RETURNING", "ON CONFLICT", "||", "ILIKE", "date_trunc", "strftime", "excluded."];

    public static IEnumerable<string> RepeatedParameters(IEnumerable<SqlStatement> statements) =>
        from s in statements
        from g in Parameter().Matches(s.Text).GroupBy(m => m.Value, StringComparer.OrdinalIgnoreCase)
        where g.Count() > 1
        select $"{s.Name}: {g.Key} occurs {g.Count()} times";

    public static IEnumerable<string> ForeignConstructsUsed(IEnumerable<SqlStatement> statements) =>
        from s in statements
        from construct in ForeignConstructs
        where char.IsLetter(construct[0])
            ? Regex.IsMatch(s.Text, $@"\b{Regex.Escape(construct)}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            : s.Text.Contains(construct, StringComparison.Ordinal)
        select $"{s.Name}: uses {construct}";

    public static IEnumerable<string> UnbalancedParentheses(IEnumerable<SqlStatement> statements)
    {
        foreach (var s in statements)
        {
            var depth = 0;
            foreach (var c in s.Text)
            {
                depth += c switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth < 0)
                {
                    break;
                }
            }

            if (depth != 0)
            {
                yield return $"{s.Name}: parentheses do not balance ({depth})";
            }
        }
    }

    public static IEnumerable<string> UncastMergeParameters(IEnumerable<SqlStatement> statements)
    {
        foreach (var s in statements.Where(s => s.Text.StartsWith("MERGE", StringComparison.Ordinal) || s.Name.Contains(".Merge", StringComparison.Ordinal)))
        {
            var source = MergeSource().Match(s.Text);
            if (!source.Success)
            {
                yield return $"{s.Name}: no USING (VALUES ...) AS s source";
                continue;
            }

            var parameters = Parameter().Count(source.Value);
            var cast = CastParameter().Count(source.Value);
            if (parameters == 0 || cast != parameters)
            {
                yield return $"{s.Name}: {cast} of {parameters} parameters in USING (VALUES ...) are wrapped in CAST(... AS ...)";
            }
        }
    }

    public static IEnumerable<string> UnqualifiedTables(IEnumerable<SqlStatement> statements, params string[] schemas) =>
        from s in statements
        from Match m in TableReference().Matches(s.Text)
        let name = m.Groups["name"].Value
        where name is not ("FINAL" or "SET")
        where !schemas.Any(schema => name.StartsWith(schema + ".", StringComparison.Ordinal))
        select $"{s.Name}: {m.Groups["keyword"].Value} {name} is not in schema {string.Join(" or ", schemas)}";

    [GeneratedRegex(@"@\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"USING \(VALUES .*\) AS s \(", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MergeSource();

    [GeneratedRegex(@"CAST\(@\w+ AS [A-Z]+(\(\d+\))?\)", RegexOptions.CultureInvariant)]
    private static partial Regex CastParameter();

    [GeneratedRegex(@"\b(?<keyword>FROM|JOIN|INTO|UPDATE|TABLE)\s+(?<name>[A-Za-z_][\w.]*)", RegexOptions.CultureInvariant)]
    private static partial Regex TableReference();
}
