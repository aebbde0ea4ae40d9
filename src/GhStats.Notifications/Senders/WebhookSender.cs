using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Delivery;

namespace GhStats.Notifications.Senders;

/// <summary>
/// Posts <c>{"id","type","tenant","occurredAt","data"}</c> (data: the event's payload as raised) as
/// <c>application/json</c>, signed with the channel's secret (see <see cref="WebhookSignature"/>). Every kind is sent,
/// with or without a renderer: receivers read the payload.
/// </summary>
internal sealed class WebhookSender(HttpDelivery http, TimeProvider clock) : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Webhook;

    public async Task<DeliveryResult> SendAsync(NotificationEnvelope envelope, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = Body(envelope);
        }
        catch (JsonException e)
        {
            return DeliveryResult.Permanent($"The event's payload is not JSON: {e.Message}");
        }

        var destination = envelope.Destination;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Sign(destination.SigningSecret!, timestamp, body);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await http.PostAsync(destination.Url!, content, headers =>
        {
            headers.Add(WebhookSignature.EventIdHeader, envelope.Message.EventId.ToString());
            headers.Add(WebhookSignature.TimestampHeader, timestamp);
            headers.Add(WebhookSignature.SignatureHeader, signature);
        }, cancellationToken).ConfigureAwait(false);
    }

    internal static byte[] Body(NotificationEnvelope envelope)
    {
        var message = envelope.Message;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", message.EventId);
            json.WriteString("type", message.Kind);
            json.WriteString("tenant", envelope.Tenant.TenantSlug);
            json.WriteString("occurredAt", message.OccurredAt.ToUniversalTime());
            json.WritePropertyName("data");
            json.WriteRawValue(message.Payload);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
