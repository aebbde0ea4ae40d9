using System.Text.Json;

namespace GhStats.Web.Tests.Abuse;

/// <summary>A property of a JSON request body as the OpenAPI document describes it.</summary>
public sealed record BodyProperty(string Name, string Type, IReadOnlyList<string> Enum);

/// <summary>One operation of the OpenAPI document: method, path template, its parameters and the shape of its JSON body.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, IReadOnlyList<BodyProperty>? Body)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document, with $ref schemas resolved against its components.</summary>
    public static IReadOnlyList<ApiOperation> AllOf(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "put" or "post" or "delete" or "patch"))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var inPath = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
                var inQuery = parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToList();
                IReadOnlyList<BodyProperty>? body = null;
                if (method.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema))
                {
                    body = PropertiesOf(document, schema);
                }

                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, inPath, inQuery, body));
            }
        }

        return operations;
    }

    private static List<BodyProperty> PropertiesOf(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return [];
        }

        return properties.EnumerateObject().Select(property =>
        {
            var value = Resolve(document, property.Value);
            var type = value.TryGetProperty("type", out var t)
                ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null")! : t.GetString()!)
                : "string";
            var values = value.TryGetProperty("enum", out var e) ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
            return new BodyProperty(property.Name, type, values);
        }).ToList();
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part);
            }

            schema = node;
        }

        return schema;
    }
}
