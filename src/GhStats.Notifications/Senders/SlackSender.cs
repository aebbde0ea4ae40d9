using System.Net.Http;
using System.Net.Mime;
using System.Text;
using GhStats.Domain;
using GhStats.Notifications.Delivery;
using GhStats.Notifications.Localization;

namespace GhStats.Notifications.Senders;

/// <summary>Posts the rendered document as Block Kit JSON to the channel's Slack incoming webhook URL; Slack answers "ok" with 200.</summary>
internal sealed class SlackSender(HttpDelivery http, MessageText text) : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Slack;

    public async Task<DeliveryResult> SendAsync(NotificationEnvelope envelope, CancellationToken cancellationToken)
    {
        var json = SlackBlocks.Build(envelope.RequiredDocument, envelope.Tenant, text["OpenInGhStats"]).ToJsonString();
        using var content = new StringContent(json, Encoding.UTF8, MediaTypeNames.Application.Json);
        return await http.PostAsync(envelope.Destination.Url!, content, _ => { }, cancellationToken).ConfigureAwait(false);
    }
}
