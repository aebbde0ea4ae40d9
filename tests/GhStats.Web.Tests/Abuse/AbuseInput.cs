using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace GhStats.Web.Tests.Abuse;

/// <summary>A generated request: its method, the path relative to the prefix, and a body with its media type.</summary>
public sealed record AbuseRequest(string Method, string Path, string? Body, string MediaType)
{
    public override string ToString() => $"{Method} {Shorten(Path)} {Shorten(Body ?? "")}";

    public static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}... ({text.Length} chars)";
}

/// <summary>
/// CsCheck generators for malformed input: values a path or query may name (the caller's own ids, another tenant's ids,
/// wrong types, huge and control-character strings) and JSON bodies that are missing fields, carry extra ones, have the
/// wrong types, do not parse, or nest deeply. About half of the bodies are well-shaped, so the handlers behind the
/// binding and the antiforgery check are reached too.
/// </summary>
public sealed class AbuseInput(IReadOnlyList<string> own, IReadOnlyList<string> foreign, IReadOnlyList<string> plausible)
{
    public const int HugeLength = 100_000;

    private static readonly Gen<string> Garbage = Gen.Frequency(
        (8, Gen.OneOf(
            "", " ", "0", "-1", "-9223372036854775808", "9223372036854775807", "99999999999999999999999999", "1e309", "NaN", "1.5", "0x10",
            "true", "null", "[]", "{}", "\0", "a\0b", "\r\n", "line\r\nX-Injected: 1", "\t", "\u0001\u001f\u007f", "..", "../../etc/passwd",
            "%", "%00", "%2F", "' OR 1=1 --", "\"; DROP TABLE tenants; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:x}",
            "\u202Eevil", "e\u0301\u0301\u0301", "\uD83D\uDE00", "\uD800", "\uFFFF", "Ａｄｍｉｎ", "*", "a@b", "@", "x@y@z")),
        (1, Gen.Const(new string('x', HugeLength))),
        (1, Gen.Const(string.Concat(Enumerable.Repeat("\0\r\n\t\u00e9\uD83D\uDE00", HugeLength / 8)))),
        (2, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Int[-5, 50].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.String[0, 40]),
        (2, Gen.Char.Array[0, 20].Select(chars => new string(chars))));

    /// <summary>A value for a path or query parameter: the caller's own (3 in 10), another tenant's (3 in 10) or garbage.</summary>
    public Gen<string> Value(bool ownAllowed) => ownAllowed
        ? Gen.Frequency((3, Gen.OneOf(own.ToArray())), (3, Gen.OneOf(foreign.ToArray())), (4, Garbage))
        : Gen.Frequency((3, Gen.OneOf(foreign.ToArray())), (4, Garbage));

    public Gen<AbuseRequest> For(ApiOperation operation)
    {
        // Deleting the caller's own tenant, repository or token would take the world apart for the requests after it.
        var ownAllowed = operation.Method != "DELETE";
        var pathGen = operation.PathParameters.Count == 0
            ? Gen.Const(operation.Path)
            : Value(ownAllowed).Array[operation.PathParameters.Count].Select(values =>
            {
                var path = operation.Path;
                for (var i = 0; i < values.Length; i++)
                {
                    path = path.Replace("{" + operation.PathParameters[i] + "}", Uri.EscapeDataString(values[i]), StringComparison.Ordinal);
                }

                return path;
            });
        var queryGen = Gen.Select(Value(true).Array[operation.QueryParameters.Count], Gen.Bool.Array[operation.QueryParameters.Count], Gen.Frequency((4, Gen.Const("")), (1, Garbage)),
            (values, present, extra) =>
            {
                var pairs = operation.QueryParameters.Where((_, i) => present[i]).Select((name, i) => $"{name}={Uri.EscapeDataString(values[i])}").ToList();
                if (extra.Length > 0)
                {
                    pairs.Add($"{(extra.Length < 100 ? Uri.EscapeDataString(extra) : "extra")}={Uri.EscapeDataString(extra)}");
                }

                return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
            });
        var bodyGen = operation.Body is { } properties
            ? Body(properties)
            : Gen.Frequency((8, Gen.Const<(string?, string)>((null, "application/json"))), (2, Body([])));
        return Gen.Select(pathGen, queryGen, bodyGen, (path, query, body) =>
            new AbuseRequest(operation.Method, path.TrimStart('/') + query, body.Item1, body.Item2));
    }

    private Gen<(string? Body, string MediaType)> Body(IReadOnlyList<BodyProperty> properties)
    {
        var wellShaped = WellShaped(properties);
        var json = Gen.Frequency(
            (5, wellShaped),
            (3, Gen.Select(wellShaped, Gen.Int[0, Math.Max(0, properties.Count - 1)], JsonValue(), (body, i, value) => Mutate(body, node =>
            {
                if (properties.Count > 0)
                {
                    node[properties[i].Name] = value;
                }
            }))),
            (2, Gen.Select(wellShaped, Gen.Bool.Array[properties.Count], (body, drop) => Mutate(body, node =>
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    if (drop[i])
                    {
                        node.Remove(properties[i].Name);
                    }
                }
            }))),
            (2, Gen.Select(wellShaped, Garbage, JsonValue(), (body, name, value) => Mutate(body, node =>
            {
                node[name] = value;
                node["tenantId"] = foreign.Count > 0 ? foreign[^1] : "1";
                node["id"] = 1;
            }))),
            (1, Gen.OneOf("[]", "\"text\"", "42", "null", "true", "[{}]")),
            (1, Gen.OneOf("{", "{\"a\":", "{'a':1}", "{\"a\":1,}", "\u00ff\u00fe", "{\"a\":\"\\ud800\"}", "{\"a\":1}{\"b\":2}", "")),
            (1, Gen.Int[60, 5000].Select(depth => new string('[', depth) + new string(']', depth))),
            (1, Gen.Int[60, 5000].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))));
        return Gen.Frequency(
            (9, json.Select(body => ((string?)body, "application/json"))),
            (1, json.Select(body => ((string?)body, "text/plain"))));
    }

    private Gen<string> WellShaped(IReadOnlyList<BodyProperty> properties) =>
        Gen.Select(Gen.OneOf(plausible.ToArray()).Array[properties.Count], Gen.OneOf(own.ToArray()).Array[properties.Count], Gen.Bool.Array[properties.Count], (texts, ids, flags) =>
        {
            var body = new Dictionary<string, object?>();
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                body[property.Name] = property.Type switch
                {
                    "integer" or "number" => long.TryParse(ids[i], out var id) ? id : 1,
                    "boolean" => flags[i],
                    "array" => new[] { texts[i] },
                    _ => property.Enum.Count > 0 ? property.Enum[i % property.Enum.Count] : texts[i],
                };
            }

            return JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        });

    private static Gen<object?> JsonValue() => Gen.OneOf(
        Garbage.Select(text => (object?)text),
        Gen.Long.Select(n => (object?)n),
        Gen.Double.Select(d => double.IsFinite(d) ? (object?)d : 0.5),
        Gen.Bool.Select(b => (object?)b),
        Gen.OneOf<object?>(null, Array.Empty<int>(), new Dictionary<string, int> { ["nested"] = 1 }, new[] { "a", "b" }));

    private static string Mutate(string json, Action<Dictionary<string, object?>> change)
    {
        var node = JsonSerializer.Deserialize<Dictionary<string, object?>>(json) ?? [];
        change(node);

        return JsonSerializer.Serialize(node, JsonSerializerOptions.Web);
    }

    /// <summary>Text of <paramref name="body"/>, as bytes, so a lone surrogate reaches the server as it was generated.</summary>
    public static byte[] Bytes(string body) => Encoding.UTF8.GetBytes(body);
}
