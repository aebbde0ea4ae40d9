using GhStats.Domain;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>trouble.resolved</c>.</summary>
internal sealed class TroubleResolvedRenderer : INotificationRenderer
{
    public string Kind => NotificationEventKinds.TroubleResolved;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var resolved = EventPayloadJson.Read<TroubleResolvedPayload>(message.Payload);
        var link = TroubleText.Link(resolved.Kind, resolved.Repository, context.PublicBaseUrl, context.TenantSlug);
        var lasted = resolved.ResolvedAt - resolved.OpenedAt;
        return new NotificationDocument(
            "Resolved: " + TroubleText.Subject(resolved.Kind, resolved.Repository?.FullName, null),
            $"{resolved.Resolution}. It had started at {Figures.Instant(resolved.OpenedAt)}: {resolved.Summary}.",
            [
                new NotificationSection("Details", [
                    new NotificationLine("Started", Figures.Instant(resolved.OpenedAt)),
                    new NotificationLine("Resolved", Figures.Instant(resolved.ResolvedAt)),
                    new NotificationLine("Lasted", lasted.TotalDays >= 1
                        ? Figures.Count((long)lasted.TotalDays, "day", "days") + ", " + Figures.Count(lasted.Hours, "hour", "hours")
                        : Figures.Count((long)lasted.TotalHours, "hour", "hours") + ", " + Figures.Count(lasted.Minutes, "minute", "minutes")),
                ]),
            ],
            link);
    }
}
