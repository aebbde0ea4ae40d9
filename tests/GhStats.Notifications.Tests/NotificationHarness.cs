using GhStats.Domain;
using GhStats.Notifications.Delivery;
using GhStats.Notifications.Rendering;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Notifications.Tests;

/// <summary>
/// A GhStats process with notifications over a real SQLite store, on a calendar the test moves. Tests drive the
/// dispatcher's batches themselves (<see cref="DeliverDueAsync"/>) so that retries are due when the calendar says.
/// </summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public NotificationHarness(SqliteDatabaseFixture database, Action<GhStatsNotificationsOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        _services = database.BuildServices(Clock, collection =>
        {
            collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            collection.AddMetrics();
            collection.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRenderer, SampleDocumentRenderer>());
            new GhStatsBuilder(collection, new ConfigurationBuilder().Build()).AddNotifications(o =>
            {
                o.AllowPrivateAddresses = true;
                o.RetryBaseDelay = TimeSpan.FromSeconds(10);
                o.SendTimeout = TimeSpan.FromSeconds(10);
                o.ClaimDuration = TimeSpan.FromMinutes(2);
                o.PublicBaseUrl = new Uri("https://stats.example.com/");
                configure?.Invoke(o);
            });
            services?.Invoke(collection);
        });
    }

    /// <summary>Real time from now, moved ahead by the test.</summary>
    public CalendarClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public IServiceProvider Services => _services;

    public INotificationStore Store => _services.GetRequiredService<INotificationStore>();

    public NotificationDispatcher Dispatcher => _services.GetServices<IHostedService>().OfType<NotificationDispatcher>().Single();

    public INotificationChannelTester Tester => _services.GetRequiredService<INotificationChannelTester>();

    public async Task<Tenant> NewTenantAsync() =>
        await _services.GetRequiredService<ITenantStore>().CreateAsync("n-" + Guid.NewGuid().ToString("N")[..12], "Acme & <Friends>");

    public Task<NotificationChannel> AddWebhookAsync(long tenantId, Uri url, string signingSecret, NotificationTopics topics = NotificationTopics.All) =>
        AddChannelAsync(tenantId, NotificationChannelKind.Webhook, null, new NotificationChannelSecret(url.ToString(), signingSecret), topics);

    public Task<NotificationChannel> AddSlackAsync(long tenantId, Uri url) =>
        AddChannelAsync(tenantId, NotificationChannelKind.Slack, null, new NotificationChannelSecret(url.ToString(), null));

    public Task<NotificationChannel> AddEmailAsync(long tenantId, string recipients) =>
        AddChannelAsync(tenantId, NotificationChannelKind.Email, recipients, null);

    /// <summary>Raises an event for one channel (or one subscriber) and answers its id.</summary>
    public async Task<Guid> RaiseAsync(long tenantId, string kind, string payload, long? channelId = null, long? userId = null)
    {
        var id = Guid.NewGuid();
        var raised = await Store.RaiseAsync(new NotificationEvent(
            id, tenantId, kind, NotificationTopics.Digest, $"test-event:{id:N}", payload, Clock.GetUtcNow(), channelId, userId));
        if (!raised)
        {
            throw new InvalidOperationException("The event was not raised.");
        }

        return id;
    }

    /// <summary>One batch of the dispatcher: claim what is due now, deliver, record.</summary>
    public Task<bool> DeliverDueAsync() => Dispatcher.DeliverDueAsync(CancellationToken.None);

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(long tenantId) =>
        [.. (await Store.ListDeliveriesAsync(tenantId, limit: 500)).OrderBy(d => d.Id)];

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<NotificationChannel> AddChannelAsync(
        long tenantId, NotificationChannelKind kind, string? recipients, NotificationChannelSecret? secret, NotificationTopics topics = NotificationTopics.All)
    {
        var protectedSecret = secret is null ? null : _services.GetRequiredService<ISecretProtector>().Protect(secret.ToJson());
        return await Store.AddChannelAsync(new NewNotificationChannel(
            tenantId, $"{kind} {Guid.NewGuid():N}"[..20], kind, topics, recipients, protectedSecret, "owner@example.com"));
    }
}
