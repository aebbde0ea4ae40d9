using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GhStats.Testing.GitHub;

/// <summary>One field of a GraphQL selection: its alias (or name), arguments and sub-selection, and where it starts.</summary>
internal sealed record GraphQLField(string Alias, string Name, IReadOnlyDictionary<string, object?> Arguments, IReadOnlyList<GraphQLField>? Selections, int Line, int Column);

/// <summary>A variable reference (<c>$name</c>) in an argument, resolved against the request's variables.</summary>
internal sealed record GraphQLVariable(string Name);

/// <summary>
/// The part of GraphQL's query language GitHub clients use for plain reads: an anonymous or named <c>query</c> with
/// variable definitions, aliased fields with arguments (strings, integers, enums, booleans, lists, variables) and nested
/// selections. Fragments, directives and mutations are refused with a parse error, as an unknown construct.
/// </summary>
internal sealed class GraphQLDocument
{
    private readonly string _text;
    private int _at;
    private (int At, int Line, int Column) _known = (0, 1, 1);

    private GraphQLDocument(string text) => _text = text;

    /// <summary>The top-level selection of the query.</summary>
    public IReadOnlyList<GraphQLField> Selections { get; private set; } = [];

    /// <summary>Parses <paramref name="query"/>; throws <see cref="GraphQLSyntaxException"/> with GitHub's wording when it cannot.</summary>
    public static GraphQLDocument Parse(string query)
    {
        var document = new GraphQLDocument(query);
        document.ParseOperation();
        return document;
    }

    /// <summary>An argument's value with variables resolved from the request's <c>variables</c> object.</summary>
    public static object? Resolve(object? value, JsonElement? variables)
    {
        if (value is not GraphQLVariable variable)
        {
            return value;
        }

        if (variables is not { ValueKind: JsonValueKind.Object } known || !known.TryGetProperty(variable.Name, out var given))
        {
            throw new GraphQLSyntaxException($"Variable ${variable.Name} of type String! was provided invalid value", 1, 1);
        }

        return given.ValueKind switch
        {
            JsonValueKind.String => given.GetString(),
            JsonValueKind.Number when given.TryGetInt64(out var number) => number,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    private void ParseOperation()
    {
        SkipIgnored();
        if (PeekName() is { } keyword)
        {
            if (keyword != "query")
            {
                throw Unexpected();
            }

            ReadName();
            SkipIgnored();
            if (PeekName() is not null)
            {
                ReadName();
            }

            SkipIgnored();
            if (Peek() == '(')
            {
                SkipVariableDefinitions();
            }
        }

        Selections = ParseSelectionSet();
        SkipIgnored();
        if (_at < _text.Length)
        {
            throw Unexpected();
        }
    }

    private void SkipVariableDefinitions()
    {
        Expect('(');
        while (true)
        {
            SkipIgnored();
            if (Peek() == ')')
            {
                _at++;
                return;
            }

            Expect('$');
            ReadName();
            Expect(':');
            SkipType();
            SkipIgnored();
            if (Peek() == '=')
            {
                _at++;
                ParseValue();
            }
        }
    }

    private void SkipType()
    {
        SkipIgnored();
        if (Peek() == '[')
        {
            _at++;
            SkipType();
            Expect(']');
        }
        else
        {
            ReadName();
        }

        SkipIgnored();
        if (Peek() == '!')
        {
            _at++;
        }
    }

    private List<GraphQLField> ParseSelectionSet()
    {
        Expect('{');
        var fields = new List<GraphQLField>();
        while (true)
        {
            SkipIgnored();
            if (Peek() == '}')
            {
                _at++;
                return fields.Count > 0 ? fields : throw Unexpected();
            }

            var (line, column) = Position(_at);
            var name = ReadName();
            var alias = name;
            SkipIgnored();
            if (Peek() == ':')
            {
                _at++;
                name = ReadName();
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            SkipIgnored();
            if (Peek() == '(')
            {
                _at++;
                while (true)
                {
                    SkipIgnored();
                    if (Peek() == ')')
                    {
                        _at++;
                        break;
                    }

                    var argument = ReadName();
                    Expect(':');
                    arguments[argument] = ParseValue();
                }
            }

            SkipIgnored();
            var selections = Peek() == '{' ? ParseSelectionSet() : null;
            fields.Add(new GraphQLField(alias, name, arguments, selections, line, column));
        }
    }

    private object? ParseValue()
    {
        SkipIgnored();
        var c = Peek();
        if (c == '$')
        {
            _at++;
            return new GraphQLVariable(ReadName());
        }

        if (c == '"')
        {
            return ReadString();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            var start = _at++;
            while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
            {
                _at++;
            }

            return long.TryParse(_text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : throw Unexpected();
        }

        if (c == '[')
        {
            _at++;
            var items = new List<object?>();
            while (true)
            {
                SkipIgnored();
                if (Peek() == ']')
                {
                    _at++;
                    return items;
                }

                items.Add(ParseValue());
            }
        }

        var word = ReadName();
        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ => word,
        };
    }

    private string ReadString()
    {
        Expect('"');
        var text = new StringBuilder();
        while (_at < _text.Length && _text[_at] != '"')
        {
            var c = _text[_at++];
            if (c == '\\' && _at < _text.Length)
            {
                var escaped = _text[_at++];
                text.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
            }
            else
            {
                text.Append(c);
            }
        }

        Expect('"');
        return text.ToString();
    }

    private string ReadName()
    {
        SkipIgnored();
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '_') && (_at > start || !char.IsAsciiDigit(_text[_at])))
        {
            _at++;
        }

        return _at > start ? _text[start.._at] : throw Unexpected();
    }

    private string? PeekName()
    {
        var start = _at;
        var end = start;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
        {
            end++;
        }

        return end > start ? _text[start..end] : null;
    }

    private void Expect(char c)
    {
        SkipIgnored();
        if (Peek() != c)
        {
            throw Unexpected();
        }

        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    /// <summary>Whitespace, commas and comments mean nothing in GraphQL.</summary>
    private void SkipIgnored()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '#')
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }
            }
            else if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                _at++;
            }
            else
            {
                return;
            }
        }
    }

    private (int Line, int Column) Position(int at)
    {
        // Positions are asked for in order while parsing: go on from the last one instead of from the start.
        var (from, line, column) = at >= _known.At ? _known : (0, 1, 1);
        for (var i = from; i < at && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        _known = (Math.Min(at, _text.Length), line, column);
        return (line, column);
    }

    private GraphQLSyntaxException Unexpected()
    {
        var (line, column) = Position(_at);
        var token = _at < _text.Length ? _text[_at].ToString() : "end of file";
        return new GraphQLSyntaxException($"Parse error on \"{token}\" at [{line}, {column}]", line, column);
    }
}

/// <summary>A query GitHub would refuse before running it; the message is GitHub's.</summary>
internal sealed class GraphQLSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
