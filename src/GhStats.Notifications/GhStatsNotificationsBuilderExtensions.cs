using System.Diagnostics.Metrics;
using GhStats;
using GhStats.Diagnostics;
using GhStats.Notifications;
using GhStats.Notifications.Delivery;
using GhStats.Notifications.Events;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using GhStats.Notifications.Senders;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds notifications to GhStats.</summary>
public static class GhStatsNotificationsBuilderExtensions
{
    /// <summary>
    /// Adds notifications: the outbox dispatcher that delivers raised events to webhooks, Slack and email with retries,
    /// <see cref="INotificationChannelTester"/> for the web module's "send a test", and options from
    /// <c>GhStats:Notifications</c>. It needs a storage provider (the outbox, channels and the secret protector that
    /// decrypts channel URLs and signing secrets live there) and runs without the web module, so a worker delivers too.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder AddNotifications(this GhStatsBuilder builder, Action<GhStatsNotificationsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = builder.BindOptions<GhStatsNotificationsOptions>(GhStatsNotificationsOptions.SectionName);
        if (!services.Any(d => d.ServiceType == typeof(MessageDelivery)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsNotificationsOptions>, GhStatsNotificationsOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsNotificationsOptions>, NotificationDependenciesValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton(provider => new GhStatsMetrics(provider.GetService<IMeterFactory>()));
            services.TryAddSingleton(_ => new DeliveryJitter(new Random()));
            services.TryAddSingleton<RetryBackoff>();
            services.TryAddSingleton<OutboxSignal>();
            services.TryAddSingleton<OutboxHolder>();
            services.TryAddSingleton<DestinationResolver>();

            // Messages are written in each recipient's language from Resources/ (see Localization/AssemblyResources.cs).
            services.AddLocalization();
            services.TryAddSingleton<MessageText>();
            AddNotificationsHttpClient(services);
            services.TryAddSingleton<HttpDelivery>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, WebhookSender>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, SlackSender>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, EmailSender>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRenderer, ChannelTestRenderer>());
            services.AddSingleton<MessageDelivery>();
            services.TryAddSingleton<INotificationChannelTester, NotificationChannelTester>();
            services.AddHostedService<NotificationDispatcher>();
            NotificationEvents.Add(services);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Changes the notification settings (<c>GhStats:Notifications</c>) in code, after the configuration;
    /// <c>AddNotifications()</c> adds notifications.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigureNotifications(this GhStatsBuilder builder, Action<GhStatsNotificationsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<GhStatsNotificationsOptions>(GhStatsNotificationsOptions.SectionName).Configure(configure);
        return builder;
    }

    /// <summary>
    /// The named client <see cref="GhStatsNotificationsOptions.HttpClientName"/> for webhooks and Slack: it follows no
    /// redirects and connects only to addresses the operator allows (<see cref="NotificationConnector"/>); the send timeout
    /// is applied per request (<see cref="HttpDelivery"/>, <c>SendTimeout</c>), so the client's own timeout is off. A host
    /// adds a proxy or handlers to the same name.
    /// </summary>
    private static void AddNotificationsHttpClient(IServiceCollection services)
    {
        services.TryAddSingleton<NotificationConnector>();
        services.AddHttpClient(GhStatsNotificationsOptions.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = provider.GetRequiredService<NotificationConnector>().ConnectAsync,
            });
    }

    /// <summary>
    /// Names what notifications need and the host did not register. It asks whether they are registered, never builds
    /// them (building the store would read, and fail on, the store's options while the notifications' are checked).
    /// </summary>
    private sealed class NotificationDependenciesValidator(IServiceProviderIsService services) : IValidateOptions<GhStatsNotificationsOptions>
    {
        public ValidateOptionsResult Validate(string? name, GhStatsNotificationsOptions options)
        {
            var failures = new List<string>();
            if (!services.IsService(typeof(INotificationStore)) || !services.IsService(typeof(IUserStore)) || !services.IsService(typeof(ITenantStore)))
            {
                failures.Add("AddNotifications() needs a store for the outbox, channels and delivery log: call UseSqlite(...), UsePostgres(...) or UseDb2(...) on the builder.");
            }

            if (!services.IsService(typeof(ISecretProtector)))
            {
                failures.Add("AddNotifications() needs an ISecretProtector to decrypt channel URLs and signing secrets: the storage providers (UseSqlite(...), UsePostgres(...), UseDb2(...)) register one over the database's Data Protection key ring, or register your own.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
