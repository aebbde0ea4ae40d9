using System.Globalization;
using System.Text.Json;
using GhStats.Domain;

namespace GhStats.Notifications.Rendering;

/// <summary>Renders <c>channel.test</c>: says which channel, who asked and when, so the receiver knows it is only a test.</summary>
internal sealed class ChannelTestRenderer : INotificationRenderer
{
    public string Kind => NotificationEventKinds.Test;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var payload = JsonSerializer.Deserialize<ChannelTestPayload>(message.Payload, ChannelTestPayload.Json)
            ?? throw new JsonException("The channel.test payload is empty.");
        var at = payload.RequestedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var link = context.PublicBaseUrl;
        return new NotificationDocument(
            $"Test message for {payload.ChannelName}",
            $"{payload.RequestedBy} sent this test from GhStats at {at} to check that channel \"{payload.ChannelName}\" of {context.TenantName} receives notifications. Nothing else happened.",
            [new NotificationSection("Details", [
                new NotificationLine("Channel", payload.ChannelName),
                new NotificationLine("Requested by", payload.RequestedBy),
                new NotificationLine("Requested at", at),
                new NotificationLine("Tenant", context.TenantName),
            ])],
            link);
    }
}
