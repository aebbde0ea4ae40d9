using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Refit;

namespace GhStats.Client.Tests.Contract;

/// <summary>
/// Compares a server's OpenAPI document with a Refit client: every server route has a client method and every client
/// method a server route (method and path template), the query parameters match both ways, and the request and
/// response models match the schemas: every client property exists in the schema with a compatible type (a null the
/// server may send needs a nullable property), and every property the server requires exists on the client. A
/// <c>[Multipart]</c> method's parts match the fields of the server's multipart/form-data schema both ways.
/// Returns the mismatches as sentences; none means the client fits the server.
/// </summary>
public static partial class OpenApiContract
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch"];

    /// <summary>Finds every mismatch between <paramref name="document"/> and the Refit interface <paramref name="client"/>.</summary>
    /// <param name="document">The OpenAPI document (3.1, as ASP.NET Core writes it).</param>
    /// <param name="client">The Refit interface; the interfaces it extends are included.</param>
    /// <param name="wireOptions">The client's JSON options, whose resolver gives each model's wire names and types.</param>
    /// <param name="serverPathPrefix">What the server's paths start with beyond the client's (e.g. "/stats" for a prefixed mount).</param>
    public static IReadOnlyList<string> Compare(JsonElement document, Type client, JsonSerializerOptions wireOptions, string serverPathPrefix = "")
    {
        var problems = new List<string>();
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var context = new ShapeComparison(schemas, wireOptions, problems);
        var serverRoutes = ServerRoutes(document, schemas, serverPathPrefix).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var clientRoutes = ClientRoutes(client).ToList();

        foreach (var duplicate in clientRoutes.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Key} is called by more than one client method: {string.Join(", ", duplicate.Select(r => r.Name))}.");
        }

        foreach (var route in clientRoutes)
        {
            if (!serverRoutes.TryGetValue(route.Key, out var server))
            {
                problems.Add($"{route.Name} calls {route.Key}, which the server does not have.");
                continue;
            }

            CompareQuery(route, server, problems);
            CompareForm(route, server, problems);
            CompareBody(route, server, context);
            CompareResponse(route, server, context);
        }

        var called = clientRoutes.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(serverRoutes.Keys.Where(k => !called.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k} on the server has no client method."));
        return problems;
    }

    private static void CompareQuery(ClientRoute route, ServerRoute server, List<string> problems)
    {
        foreach (var name in route.Query.Except(server.Query, StringComparer.Ordinal))
        {
            problems.Add($"{route.Name} sends query parameter '{name}', which {server.Key} does not take.");
        }

        foreach (var name in server.Query.Except(route.Query, StringComparer.Ordinal))
        {
            problems.Add($"{server.Key} takes query parameter '{name}', which {route.Name} cannot send.");
        }
    }

    private static void CompareForm(ClientRoute route, ServerRoute server, List<string> problems)
    {
        if (route.Form is null || server.Form is null)
        {
            if (route.Form is not null)
            {
                problems.Add($"{route.Name} sends a multipart form, which {server.Key} does not take.");
            }
            else if (server.Form is not null)
            {
                problems.Add($"{server.Key} takes a multipart form, which {route.Name} does not send.");
            }

            return;
        }

        foreach (var name in route.Form.Except(server.Form, StringComparer.Ordinal))
        {
            problems.Add($"{route.Name} sends form field '{name}', which {server.Key} does not take.");
        }

        foreach (var name in server.Form.Except(route.Form, StringComparer.Ordinal))
        {
            problems.Add($"{server.Key} takes form field '{name}', which {route.Name} cannot send.");
        }
    }

    private static void CompareBody(ClientRoute route, ServerRoute server, ShapeComparison context)
    {
        if (server.RequestSchema is { } schema)
        {
            if (route.Body is null)
            {
                context.Problems.Add($"{server.Key} takes a JSON body, which {route.Name} does not send.");
                return;
            }

            context.Compare(route.Body, schema, $"{route.Name} body", request: true);
        }
        else if (route.Body is not null)
        {
            context.Problems.Add($"{route.Name} sends a body, which {server.Key} does not take.");
        }
    }

    private static void CompareResponse(ClientRoute route, ServerRoute server, ShapeComparison context)
    {
        if (route.Result is null)
        {
            return;
        }

        if (route.Result == typeof(Stream))
        {
            if (!server.HasSuccess)
            {
                context.Problems.Add($"{server.Key} documents no success answer for {route.Name} to read.");
            }

            return;
        }

        if (server.ResponseSchema is not { } schema)
        {
            context.Problems.Add($"{server.Key} documents no JSON success answer, but {route.Name} reads a {route.Result.Name}.");
            return;
        }

        context.Compare(route.Result, schema, $"{route.Name} result", request: false);
    }

    private static IEnumerable<ServerRoute> ServerRoutes(JsonElement document, JsonElement schemas, string prefix)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var template = path.Name.StartsWith(prefix, StringComparison.Ordinal) ? path.Name[prefix.Length..] : path.Name;
            foreach (var operation in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            {
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                var hasBody = operation.Value.TryGetProperty("requestBody", out var body);
                JsonElement? request = hasBody && JsonSchema(body) is { } b ? b : null;
                var form = hasBody ? FormFields(body, schemas) : null;
                var success = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                JsonElement? response = success.Select(r => JsonSchema(r.Value)).FirstOrDefault(x => x is not null);
                yield return new ServerRoute($"{operation.Name.ToUpperInvariant()} {template}", query, request, form, response, success.Count > 0);
            }
        }
    }

    private static JsonElement? JsonSchema(JsonElement withContent) =>
        withContent.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    /// <summary>The field names of a multipart/form-data request body, following a $ref; null when the body is not a form.</summary>
    private static IReadOnlyList<string>? FormFields(JsonElement requestBody, JsonElement schemas)
    {
        if (!requestBody.TryGetProperty("content", out var content) || !content.TryGetProperty("multipart/form-data", out var form)
            || !form.TryGetProperty("schema", out var schema))
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
        {
            schema = target;
        }

        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    private static IEnumerable<ClientRoute> ClientRoutes(Type client)
    {
        foreach (var method in new[] { client }.Concat(client.GetInterfaces()).SelectMany(i => i.GetMethods()))
        {
            if (method.GetCustomAttribute<HttpMethodAttribute>() is not { } http)
            {
                continue;
            }

            var path = http.Path.Split('?')[0];
            var placeholders = Placeholder().Matches(path).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var query = new List<string>();
            var form = method.GetCustomAttribute<MultipartAttribute>() is not null ? new List<string>() : null;
            Type? body = null;
            foreach (var parameter in method.GetParameters())
            {
                var wireName = parameter.GetCustomAttribute<AliasAsAttribute>()?.Name ?? parameter.Name!;
                if (parameter.ParameterType == typeof(CancellationToken) || placeholders.Contains(wireName))
                {
                    continue;
                }

                if (parameter.GetCustomAttribute<BodyAttribute>() is not null)
                {
                    body = parameter.ParameterType;
                    continue;
                }

                (form ?? query).Add(wireName);
            }

            var returns = method.ReturnType;
            var result = returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : null;
            yield return new ClientRoute($"{method.DeclaringType!.Name}.{method.Name}", $"{http.Method.Method.ToUpperInvariant()} {path}", query, form, body, result);
        }
    }

    [GeneratedRegex(@"\{\**([^}:?]+)[^}]*\}")]
    private static partial Regex Placeholder();

    private sealed record ClientRoute(string Name, string Key, IReadOnlyList<string> Query, IReadOnlyList<string>? Form, Type? Body, Type? Result);

    private sealed record ServerRoute(string Key, IReadOnlyList<string> Query, JsonElement? RequestSchema, IReadOnlyList<string>? Form, JsonElement? ResponseSchema, bool HasSuccess);
}
