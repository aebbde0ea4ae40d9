using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Tests;

/// <summary>
/// A renderer for the tests' own kind, <see cref="Kind"/>, whose payload is the document itself (title, summary,
/// sections, link): the tests choose exactly what the Slack and email senders must escape.
/// </summary>
internal sealed class SampleDocumentRenderer : INotificationRenderer
{
    public const string SampleKind = "test.sample";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => SampleKind;

    public static string Payload(NotificationDocument document) => JsonSerializer.Serialize(document, Json);

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context) =>
        JsonSerializer.Deserialize<NotificationDocument>(message.Payload, Json) ?? throw new JsonException("empty");
}
