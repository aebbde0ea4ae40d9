using GhStats.Domain;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>trouble.started</c>.</summary>
internal sealed class TroubleStartedRenderer : INotificationRenderer
{
    public string Kind => NotificationEventKinds.TroubleStarted;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var trouble = EventPayloadJson.Read<TroubleStartedPayload>(message.Payload);
        var link = TroubleText.Link(trouble.Kind, trouble.Repository, context.PublicBaseUrl, context.TenantSlug);
        var details = new List<NotificationLine> { new("Since", Figures.Instant(trouble.OpenedAt)) };
        if (trouble.Kind is TroubleKind.AtRisk or TroubleKind.LosingDays)
        {
            details.Add(new NotificationLine("Last successful daily read", trouble.LastDailyReadOn is { } read ? Figures.Day(read) : "never"));
        }

        if (trouble.RunId is { } run)
        {
            details.Add(new NotificationLine("Run", FormattableString.Invariant($"#{run}"), link));
        }

        var sections = new List<NotificationSection> { new("Details", details) };
        if (trouble.Repositories.Count > 0)
        {
            sections.Add(new NotificationSection("Repositories not collected", [.. trouble.Repositories.Select(r =>
                new NotificationLine(r.FullName, Link: AppLinks.Repository(context.PublicBaseUrl, r.Id)))]));
        }

        return new NotificationDocument(
            "Collection trouble: " + TroubleText.Subject(trouble.Kind, trouble.Repository?.FullName, trouble.ConnectionName),
            $"{trouble.Summary}. {TroubleText.Advice(trouble)}",
            sections,
            link);
    }
}
