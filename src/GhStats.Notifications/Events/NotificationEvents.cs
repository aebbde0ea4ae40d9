using GhStats.Notifications.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GhStats.Notifications.Events;

/// <summary>The event detectors (weekly digest, traffic spike, collection trouble), their worker and their renderers; <c>AddNotifications()</c> calls <see cref="Add"/>.</summary>
internal static class NotificationEvents
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<TroubleText>();
        services.TryAddSingleton<DigestComposer>();
        services.TryAddSingleton<SubscriberScope>();
        services.TryAddSingleton<WeeklyDigest>();
        services.TryAddSingleton<SpikeDetector>();
        services.TryAddSingleton<TroubleDetector>();
        services.TryAddSingleton<NotificationEventEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationEventWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRenderer, DigestRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRenderer, SpikeRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRenderer, TroubleStartedRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRenderer, TroubleResolvedRenderer>());
    }
}
