using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Notifications.Localization;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Rendering;

/// <summary>
/// Renders <c>channel.test</c> in the current UI culture: says which channel, who asked and when, so the receiver knows
/// it is only a test (and sees the channel's language).
/// </summary>
/// <param name="l">This renderer's strings.</param>
/// <param name="text">The shared phrases.</param>
internal sealed class ChannelTestRenderer(IStringLocalizer<ChannelTestRenderer> l, MessageText text) : INotificationRenderer
{
    public string Kind => NotificationEventKinds.Test;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var payload = JsonSerializer.Deserialize<ChannelTestPayload>(message.Payload, ChannelTestPayload.Json)
            ?? throw new JsonException("The channel.test payload is empty.");
        var at = Figures.Instant(payload.RequestedAt);
        return new NotificationDocument(
            l["Title", payload.ChannelName],
            l["Summary", payload.RequestedBy, at, payload.ChannelName, context.TenantName],
            [new NotificationSection(text["Details"], [
                new NotificationLine(l["Channel"], payload.ChannelName),
                new NotificationLine(l["RequestedBy"], payload.RequestedBy),
                new NotificationLine(l["RequestedAt"], at),
                new NotificationLine(l["Tenant"], context.TenantName),
            ])],
            context.PublicBaseUrl);
    }
}
