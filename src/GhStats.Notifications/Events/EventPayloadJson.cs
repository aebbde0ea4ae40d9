using System.Text.Json;
using System.Text.Json.Serialization;

namespace GhStats.Notifications.Events;

/// <summary>
/// How event payloads are written and read: camelCase names, enum values as camelCase strings, days as
/// <c>yyyy-MM-dd</c>, nulls written (so every field of a kind is always there). Receivers of webhooks see this JSON as
/// the body's <c>data</c>; a field, once shipped, keeps its name and meaning.
/// </summary>
internal static class EventPayloadJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    /// <exception cref="FormatException">When the text is not a payload of the kind.</exception>
    public static T Read<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"The payload is not a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The payload is not a {typeof(T).Name}.", e);
        }
    }
}
