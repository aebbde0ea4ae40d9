using GhStats.Domain;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>traffic.spike</c>.</summary>
internal sealed class SpikeRenderer : INotificationRenderer
{
    public string Kind => NotificationEventKinds.Spike;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var spike = EventPayloadJson.Read<SpikePayload>(message.Payload);
        var link = AppLinks.Repository(context.PublicBaseUrl, spike.Repository.Id);
        var views = Figures.Count(spike.Views, "view", "views") + (spike.Partial ? " so far" : string.Empty);
        return new NotificationDocument(
            $"Traffic spike: {spike.Repository.FullName}",
            $"{spike.Repository.FullName} had {views} on {Figures.Day(spike.Day)}, {Figures.Decimal(spike.Ratio)} times its usual {Figures.Decimal(spike.Baseline)} a day.",
            [
                new NotificationSection("Spike", [
                    new NotificationLine($"Views on {Figures.Day(spike.Day)}", views, link),
                    new NotificationLine(
                        $"Usual day: median of the {spike.KnownBaselineDays} known days among the {spike.BaselineDays} before",
                        Figures.Count((long)Math.Round(spike.Baseline, MidpointRounding.AwayFromZero), "view", "views")),
                    new NotificationLine($"Ratio (alert from {Figures.Decimal(spike.Factor)} times)", Figures.Decimal(spike.Ratio) + " times"),
                ]),
            ],
            link);
    }
}
