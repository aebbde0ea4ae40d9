using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Storage.Conformance;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Notifications.Tests.Events;

/// <summary>
/// A GhStats process with the collector and notifications over the test's SQLite database, on a calendar the test
/// moves. Nothing runs by itself (no hosted service is started): the test collects, evaluates at an instant, and reads
/// the outbox through the store.
/// </summary>
internal sealed class EventsHarness : IAsyncDisposable
{
    public static readonly Uri PublicBaseUrl = new("https://stats.example.com/app/");

    private readonly ServiceProvider _services;

    public EventsHarness(StoreDatabaseFixture database, DateTimeOffset start, GitHubSimulator? simulator = null, Action<GhStatsNotificationsOptions>? configure = null)
    {
        Simulator = simulator;
        Clock = new CalendarClock(start);
        simulator?.Clock.Set(start);
        _services = database.BuildServices(Clock, collection =>
        {
            collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            collection.AddMetrics();
            new GhStatsBuilder(collection, new ConfigurationBuilder().Build())
                .AddGitHubCollector(o =>
                {
                    o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                    o.ProgressInterval = TimeSpan.FromMilliseconds(100);
                })
                .ConfigureGitHubApi(o => o.AllowedHosts.Add(new GitHubApiHost { Host = "127.0.0.1", AllowHttp = true, AllowPrivateAddresses = true }))
                .AddNotifications(o =>
                {
                    o.PublicBaseUrl = PublicBaseUrl;
                    o.AllowPrivateAddresses = true;
                    configure?.Invoke(o);
                });
        });
    }

    public GitHubSimulator? Simulator { get; }

    public CalendarClock Clock { get; }

    public IServiceProvider Services => _services;

    public INotificationStore Notifications => Get<INotificationStore>();

    public ITrafficStore Traffic => Get<ITrafficStore>();

    public IRepositoryStore Repositories => Get<IRepositoryStore>();

    public NotificationEventEvaluator Evaluator => Get<NotificationEventEvaluator>();

    /// <summary>Slice N's outbox dispatcher, driven by hand: one pass delivers what is due.</summary>
    public Task<bool> DeliverDueAsync() =>
        _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<GhStats.Notifications.Delivery.NotificationDispatcher>().Single()
            .DeliverDueAsync(CancellationToken.None);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Moves GhStats' calendar (and GitHub's, with a simulator) to <paramref name="now"/>.</summary>
    public void SetNow(DateTimeOffset now)
    {
        Simulator?.Clock.Set(now);
        Clock.Set(now);
    }

    /// <summary>Moves the calendars to <paramref name="now"/> and evaluates the events due then.</summary>
    public async Task EvaluateAtAsync(DateTimeOffset now)
    {
        SetNow(now);
        await Evaluator.EvaluateAsync(now, CancellationToken.None);
    }

    public async Task<Tenant> NewTenantAsync() =>
        await Get<ITenantStore>().CreateAsync("ev-" + Guid.NewGuid().ToString("N")[..12], "Events test");

    /// <summary>A webhook channel of the tenant taking <paramref name="topics"/> (nothing is delivered here: no dispatcher runs).</summary>
    public async Task<NotificationChannel> AddChannelAsync(long tenantId, NotificationTopics topics = NotificationTopics.All, Uri? url = null) =>
        await Notifications.AddChannelAsync(new NewNotificationChannel(tenantId, "hook-" + Guid.NewGuid().ToString("N")[..8], NotificationChannelKind.Webhook,
            topics, null, Get<ISecretProtector>().Protect(new NotificationChannelSecret((url ?? new Uri("https://hooks.example.com/in")).ToString(), "whsec_test").ToJson()), "test"));

    public async Task<UserProfile> NewUserAsync(string name) =>
        await Get<IUserStore>().CreateAsync("https://issuer.example", name + "-" + Guid.NewGuid().ToString("N")[..8], name + "@example.com", name);

    public async Task<GitHubConnection> AddTokenConnectionAsync(long tenantId, string token) =>
        await Get<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenantId, "simulator", GitHubConnectionKind.PersonalAccessToken, Simulator!.BaseAddress, Get<ISecretProtector>().Protect(token)));

    /// <summary>Starts a run for one tenant and waits for its end.</summary>
    public async Task<CollectionRun> CollectAsync(long tenantId)
    {
        var collection = Get<ICollectionService>();
        var run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test", tenantId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return (await collection.WaitAsync(run.Id, timeout.Token))!;
    }

    /// <summary>
    /// Stores daily views as daily collection would: one successful read of GitHub's 14-day window on each day from
    /// <paramref name="from"/> + 13 to <paramref name="to"/> (days with no views are left out, as GitHub leaves them out).
    /// </summary>
    public async Task ReadDailyAsync(long repositoryId, DateOnly from, DateOnly to, Func<DateOnly, int> views)
    {
        for (var readOn = from.AddDays(CollectionHorizon.GitHubWindowDays - 1); readOn <= to; readOn = readOn.AddDays(1))
        {
            var days = Enumerable.Range(0, CollectionHorizon.GitHubWindowDays)
                .Select(i => readOn.AddDays(-i))
                .Where(d => views(d) > 0)
                .Select(d => new TrafficDay(repositoryId, d, views(d), Math.Max(1, views(d) / 3), views(d) / 10, views(d) / 20))
                .ToList();
            await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repositoryId, readOn, days));
        }

        await Repositories.RecordCollectionAsync(repositoryId, "ok");
    }

    /// <summary>Claims every message now due in the outbox of one tenant (for good: the claim outlasts the test).</summary>
    public async Task<IReadOnlyList<NotificationMessage>> DrainAsync(long tenantId)
    {
        var claimed = new List<NotificationMessage>();
        while (true)
        {
            var batch = await Notifications.ClaimDueAsync("events-test", 200, Clock.GetUtcNow().AddYears(10));
            claimed.AddRange(batch);
            if (batch.Count < 200)
            {
                return [.. claimed.Where(m => m.TenantId == tenantId)];
            }
        }
    }

    public static T Payload<T>(NotificationMessage message)
        where T : class => EventPayloadJson.Read<T>(message.Payload);

    public static JsonElement Json(NotificationMessage message) => JsonDocument.Parse(message.Payload).RootElement.Clone();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
