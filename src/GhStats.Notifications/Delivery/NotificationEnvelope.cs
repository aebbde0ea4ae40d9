using GhStats.Domain;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Delivery;

/// <summary>Everything a sender needs for one attempt.</summary>
/// <param name="Message">The outbox message (event id, kind, payload).</param>
/// <param name="Tenant">The tenant's slug and name, and the app's address.</param>
/// <param name="Destination">Where it goes.</param>
/// <param name="Document">The rendered message; null only for webhooks, which carry the payload itself.</param>
internal sealed record NotificationEnvelope(
    NotificationMessage Message,
    NotificationRenderContext Tenant,
    NotificationDestination Destination,
    NotificationDocument? Document)
{
    public NotificationDocument RequiredDocument =>
        Document ?? throw new InvalidOperationException($"A {Destination.Kind} delivery needs a rendered document.");
}
