using GhStats.Domain;
using GhStats.GitHub.Collection;
using GhStats.Storage.Conformance;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.GitHub.Tests;

/// <summary>A GhStats process with the collector, over a test database and the GitHub simulator, on a calendar the test moves.</summary>
internal sealed class CollectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="allowedHosts">The operator's allowed GitHub API hosts; by default the simulator's loopback address over http, allowed explicitly.</param>
    public CollectorHarness(
        StoreDatabaseFixture database, GitHubSimulator simulator, CalendarClock clock, Action<GitHubCollectorOptions>? configure = null,
        Action<IServiceCollection>? services = null, (string Host, bool AllowHttp, bool AllowPrivateAddresses)[]? allowedHosts = null)
    {
        Simulator = simulator;
        Clock = clock;
        _services = database.BuildServices(clock, collection =>
        {
            collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

            // A meter factory of this process's own, so a MetricRecorder hears this harness and no other.
            collection.AddMetrics();
            new GhStatsBuilder(collection, EmptyConfiguration()).AddGitHubCollector(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.ProgressInterval = TimeSpan.FromMilliseconds(100);
                configure?.Invoke(o);
            }).ConfigureGitHubApi(o =>
            {
                foreach (var (host, http, privateAddresses) in allowedHosts ?? [("127.0.0.1", true, true)])
                {
                    o.AllowedHosts.Add(new GitHubApiHost { Host = host, AllowHttp = http, AllowPrivateAddresses = privateAddresses });
                }
            });
            services?.Invoke(collection);
        });
    }

    public GitHubSimulator Simulator { get; }

    public CalendarClock Clock { get; }

    public IServiceProvider Services => _services;

    public ICollectionService Collection => _services.GetRequiredService<ICollectionService>();

    public CollectionService Service => _services.GetRequiredService<CollectionService>();

    public ITrafficStore Traffic => _services.GetRequiredService<ITrafficStore>();

    public IRepositoryStore Repositories => _services.GetRequiredService<IRepositoryStore>();

    public ICollectionRunStore Runs => _services.GetRequiredService<ICollectionRunStore>();

    public ITrackedOwnerStore Owners => _services.GetRequiredService<ITrackedOwnerStore>();

    /// <summary>Moves both calendars, GhStats' and GitHub's, to the same instant.</summary>
    public void SetNow(DateTimeOffset now)
    {
        Simulator.Clock.Set(now);
        Clock.Set(now);
    }

    public async Task<Tenant> NewTenantAsync() =>
        await _services.GetRequiredService<ITenantStore>().CreateAsync("t-" + Guid.NewGuid().ToString("N")[..12], "Collector test");

    /// <summary>Adds a personal-access-token connection, encrypting the token with the store's key ring, as the web module does.</summary>
    public async Task<GitHubConnection> AddTokenConnectionAsync(long tenantId, string token, string? apiBaseUrl = null) =>
        await _services.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenantId, "pat", GitHubConnectionKind.PersonalAccessToken, apiBaseUrl ?? Simulator.BaseAddress, _services.GetRequiredService<ISecretProtector>().Protect(token)));

    public async Task<GitHubConnection> AddAppConnectionAsync(long tenantId, long appId, string privateKeyPem, long installationId) =>
        await _services.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenantId, "app", GitHubConnectionKind.App, Simulator.BaseAddress, _services.GetRequiredService<ISecretProtector>().Protect(privateKeyPem), appId, installationId));

    /// <summary>Starts a run for one tenant and waits for its end.</summary>
    public async Task<CollectionRun> CollectAsync(long tenantId, TimeSpan? timeLimit = null)
    {
        var run = await Collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test", tenantId));
        using var timeout = new CancellationTokenSource(timeLimit ?? TimeSpan.FromMinutes(3));
        return (await Collection.WaitAsync(run.Id, timeout.Token))!;
    }

    /// <summary>A run's errors as text, for assertion messages.</summary>
    public async Task<string> ErrorsAsync(long runId) =>
        string.Join("\n", (await Runs.ListErrorsAsync(runId)).Select(e => $"{e.RepositoryId} {e.Kind}: {e.Message}"));

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static Microsoft.Extensions.Configuration.IConfiguration EmptyConfiguration() =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
}
