using GhStats.Domain;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>trouble.resolved</c> in the current UI culture.</summary>
/// <param name="l">This renderer's strings.</param>
/// <param name="trouble">What trouble kinds are called.</param>
/// <param name="text">The shared phrases.</param>
internal sealed class TroubleResolvedRenderer(IStringLocalizer<TroubleResolvedRenderer> l, TroubleText trouble, MessageText text) : INotificationRenderer
{
    public string Kind => NotificationEventKinds.TroubleResolved;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var resolved = EventPayloadJson.Read<TroubleResolvedPayload>(message.Payload);
        var link = TroubleText.Link(resolved.Kind, resolved.Repository, context.PublicBaseUrl, context.TenantSlug);
        var lasted = resolved.ResolvedAt - resolved.OpenedAt;
        var subject = trouble.Subject(resolved.Kind, resolved.Repository?.FullName, null);
        return new NotificationDocument(
            l["Title", subject],
            l["Summary", trouble.Resolution(resolved), Figures.Instant(resolved.OpenedAt), subject],
            [
                new NotificationSection(text["Details"], [
                    new NotificationLine(l["Started"], Figures.Instant(resolved.OpenedAt)),
                    new NotificationLine(l["Resolved"], Figures.Instant(resolved.ResolvedAt)),
                    new NotificationLine(l["Lasted"], lasted.TotalDays >= 1
                        ? text.Pair(text.Days((long)lasted.TotalDays), text.Hours(lasted.Hours))
                        : text.Pair(text.Hours((long)lasted.TotalHours), text.Minutes(lasted.Minutes))),
                ]),
            ],
            link);
    }
}
