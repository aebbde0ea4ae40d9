using GhStats.Domain;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>traffic.spike</c> in the current UI culture.</summary>
/// <param name="l">This renderer's strings.</param>
/// <param name="text">The shared phrases.</param>
internal sealed class SpikeRenderer(IStringLocalizer<SpikeRenderer> l, MessageText text) : INotificationRenderer
{
    public string Kind => NotificationEventKinds.Spike;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var spike = EventPayloadJson.Read<SpikePayload>(message.Payload);
        var link = AppLinks.Repository(context.PublicBaseUrl, spike.Repository.Id);
        var views = spike.Partial ? l["SoFar", text.Views(spike.Views)].Value : text.Views(spike.Views);
        var day = Figures.Day(spike.Day);
        return new NotificationDocument(
            l["Title", spike.Repository.FullName],
            l["Summary", spike.Repository.FullName, views, day, Figures.Decimal(spike.Ratio), Figures.Decimal(spike.Baseline)],
            [
                new NotificationSection(l["Section"], [
                    new NotificationLine(l["ViewsOn", day], views, link),
                    new NotificationLine(
                        l["UsualDay", Figures.Count(spike.KnownBaselineDays), Figures.Count(spike.BaselineDays)],
                        text.Views((long)Math.Round(spike.Baseline, MidpointRounding.AwayFromZero))),
                    new NotificationLine(l["Ratio", Figures.Decimal(spike.Factor)], text.Times(spike.Ratio)),
                ]),
            ],
            link);
    }
}
