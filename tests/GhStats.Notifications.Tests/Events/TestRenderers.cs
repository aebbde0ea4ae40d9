using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Notifications.Tests.Events;

/// <summary>The renderers as <c>AddNotifications()</c> registers them, over the package's real resource files, rendering in a chosen language.</summary>
internal static class TestRenderers
{
    private static readonly Lazy<ServiceProvider> Services = new(() =>
    {
        var services = new ServiceCollection();
        services.AddGhStats().AddNotifications();
        return services.BuildServiceProvider();
    });

    public static T Get<T>()
        where T : INotificationRenderer => Services.Value.GetServices<INotificationRenderer>().OfType<T>().Single();

    public static MessageText Text => Services.Value.GetRequiredService<MessageText>();

    /// <summary>Renders a payload as the dispatcher does for a recipient of <paramref name="language"/>.</summary>
    public static NotificationDocument Render<TRenderer, TPayload>(TPayload payload, NotificationRenderContext context, string language = "en", DateTimeOffset? at = null)
        where TRenderer : INotificationRenderer
    {
        var renderer = Get<TRenderer>();
        var when = at ?? new DateTimeOffset(2026, 3, 4, 10, 30, 0, TimeSpan.Zero);
        var message = new NotificationMessage(1, Guid.NewGuid(), 1, renderer.Kind, EventPayloadJson.Write(payload), when, 1, null, 0, when);
        using var culture = MessageCulture.Use(language);
        return renderer.Render(message, context);
    }
}
