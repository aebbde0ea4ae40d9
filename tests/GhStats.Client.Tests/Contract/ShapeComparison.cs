using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GhStats.Client.Tests.Contract;

/// <summary>Compares client model types with OpenAPI schemas, collecting each mismatch as a sentence.</summary>
internal sealed class ShapeComparison(JsonElement schemas, JsonSerializerOptions wireOptions, List<string> problems)
{
    private readonly HashSet<(Type, string, bool)> _compared = [];
    private readonly NullabilityInfoContext _nullability = new();

    public List<string> Problems => problems;

    /// <summary>Compares <paramref name="type"/> with <paramref name="schema"/>; <paramref name="request"/> says which way the data goes.</summary>
    public void Compare(Type type, JsonElement schema, string where, bool request)
    {
        var (resolved, name, _) = Resolve(schema);
        var types = Types(resolved);
        var clientType = Nullable.GetUnderlyingType(type) ?? type;
        if (clientType == typeof(JsonElement))
        {
            // Any JSON at all (e.g. a job's report, whose shape its kind decides): nothing to compare.
            return;
        }

        if (ElementType(clientType) is { } element)
        {
            if (!types.Contains("array"))
            {
                problems.Add($"{where} is a list, but the server's schema is {Describe(types)}.");
            }
            else if (resolved.TryGetProperty("items", out var items))
            {
                Compare(element, items, where + "[]", request);
            }

            return;
        }

        var kind = Kind(clientType);
        if (kind == "object")
        {
            CompareObject(clientType, resolved, name ?? where, request);
            return;
        }

        if (!types.Contains(kind))
        {
            problems.Add($"{where} is {kind} ({clientType.Name}), but the server's schema is {Describe(types)}.");
            return;
        }

        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        var expected = clientType == typeof(DateOnly) ? "date" : clientType == typeof(DateTimeOffset) || clientType == typeof(DateTime) ? "date-time" : null;
        if (expected is not null && format != expected)
        {
            problems.Add($"{where} is a {clientType.Name}, read as {expected}, but the server's format is {format ?? "none"}.");
        }

        if (!request && clientType == typeof(int) && format == "int64")
        {
            problems.Add($"{where} is an int, but the server sends int64: large values would not fit.");
        }
    }

    private void CompareObject(Type type, JsonElement schema, string schemaName, bool request)
    {
        if (!_compared.Add((type, schemaName, request)))
        {
            return;
        }

        if (!schema.TryGetProperty("properties", out var properties))
        {
            problems.Add($"{type.Name} is an object, but the server's {schemaName} has no properties.");
            return;
        }

        if (!wireOptions.TryGetTypeInfo(type, out var info))
        {
            problems.Add($"{type.Name} is not in the client's JSON context.");
            return;
        }

        var server = properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var property in info.Properties)
        {
            if (!server.TryGetValue(property.Name, out var serverProperty))
            {
                problems.Add($"{type.Name}.{property.Name} is not in the server's {schemaName}.");
                continue;
            }

            if (!request && Resolve(serverProperty).Nullable && !CanHoldNull(property))
            {
                problems.Add($"The server's {schemaName}.{property.Name} may be null, but {type.Name}.{property.Name} cannot hold null.");
            }

            Compare(property.PropertyType, serverProperty, $"{type.Name}.{property.Name}", request);
        }

        var clientNames = info.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in required.Where(n => !clientNames.Contains(n)).Order(StringComparer.Ordinal))
        {
            // A request property the server requires but accepts as null may be left out; a response's never.
            if (request && server.TryGetValue(name, out var p) && Resolve(p).Nullable)
            {
                continue;
            }

            problems.Add($"The server's {schemaName} requires '{name}', which {type.Name} lacks.");
        }
    }

    private bool CanHoldNull(JsonPropertyInfo property)
    {
        if (property.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        }

        return property.AttributeProvider is not PropertyInfo clr || _nullability.Create(clr).ReadState != NullabilityState.NotNull;
    }

    /// <summary>Follows $ref, and unwraps oneOf/anyOf of a schema and null; says whether null is allowed.</summary>
    private (JsonElement Schema, string? Name, bool Nullable) Resolve(JsonElement schema)
    {
        var nullable = Types(schema).Contains("null");
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                var branches = options.EnumerateArray().ToList();
                nullable |= branches.Any(b => Types(b).Contains("null"));
                var other = branches.FirstOrDefault(b => !Types(b).SequenceEqual(["null"]));
                if (other.ValueKind == JsonValueKind.Object)
                {
                    var inner = Resolve(other);
                    return (inner.Schema, inner.Name, nullable || inner.Nullable);
                }
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (schemas.ValueKind != JsonValueKind.Object || !schemas.TryGetProperty(name, out var target))
            {
                problems.Add($"The server's document refers to {name}, which it does not define.");
                return (schema, name, nullable);
            }

            var inner = Resolve(target);
            return (inner.Schema, name, nullable || inner.Nullable);
        }

        return (schema, null, nullable);
    }

    private static HashSet<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? ["object"] : [];
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [type.GetString()!];
    }

    private static string Describe(HashSet<string> types) => types.Count == 0 ? "untyped" : string.Join(" or ", types.Order(StringComparer.Ordinal));

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static string Kind(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            || type == typeof(Guid) || type == typeof(Uri) || type.IsEnum => "string",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "integer",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "number",
        _ => "object",
    };
}
