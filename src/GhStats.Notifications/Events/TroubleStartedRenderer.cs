using GhStats.Domain;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>trouble.started</c> in the current UI culture.</summary>
/// <param name="l">This renderer's strings.</param>
/// <param name="trouble">What trouble kinds are called.</param>
/// <param name="text">The shared phrases.</param>
internal sealed class TroubleStartedRenderer(IStringLocalizer<TroubleStartedRenderer> l, TroubleText trouble, MessageText text) : INotificationRenderer
{
    public string Kind => NotificationEventKinds.TroubleStarted;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var started = EventPayloadJson.Read<TroubleStartedPayload>(message.Payload);
        var link = TroubleText.Link(started.Kind, started.Repository, context.PublicBaseUrl, context.TenantSlug);
        var details = new List<NotificationLine> { new(l["Since"], Figures.Instant(started.OpenedAt)) };
        if (started.Kind is TroubleKind.AtRisk or TroubleKind.LosingDays)
        {
            details.Add(new NotificationLine(l["LastDailyRead"], started.LastDailyReadOn is { } read ? Figures.Day(read) : text["Never"]));
        }

        if (started.RunId is { } run)
        {
            details.Add(new NotificationLine(l["Run"], "#" + Figures.Count(run), link));
        }

        var sections = new List<NotificationSection> { new(text["Details"], details) };
        if (started.Repositories.Count > 0)
        {
            sections.Add(new NotificationSection(l["NotCollected"], [.. started.Repositories.Select(r =>
                new NotificationLine(r.FullName, Link: AppLinks.Repository(context.PublicBaseUrl, r.Id)))]));
        }

        return new NotificationDocument(
            l["Title", trouble.Subject(started.Kind, started.Repository?.FullName, started.ConnectionName)],
            l["Summary", trouble.Summary(started), trouble.Advice(started)],
            sections,
            link);
    }
}
