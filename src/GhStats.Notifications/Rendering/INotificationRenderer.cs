using GhStats.Domain;

namespace GhStats.Notifications.Rendering;

/// <summary>
/// Turns one kind of event's payload into a <see cref="NotificationDocument"/>. Registered with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;INotificationRenderer, X&gt;())</c>; the dispatcher picks
/// the one whose <see cref="Kind"/> is the message's kind.
/// </summary>
internal interface INotificationRenderer
{
    /// <summary>The event kind it renders, one of <see cref="NotificationEventKinds"/>.</summary>
    string Kind { get; }

    /// <summary>Renders a message.</summary>
    /// <param name="message">The outbox message with the event's payload.</param>
    /// <param name="context">The tenant and the app's address.</param>
    /// <returns>The document.</returns>
    NotificationDocument Render(NotificationMessage message, NotificationRenderContext context);
}
