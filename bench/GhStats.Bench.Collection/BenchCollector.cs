using GhStats.Domain;
using GhStats.GitHub;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Bench.Collection;

/// <summary>
/// A GhStats process for a benchmark: the real collector over a fresh SQLite file, talking to a simulator over loopback
/// HTTP, with the time a benchmark gives it. Tenants, connections and repositories are added through the real stores.
/// </summary>
internal sealed class BenchCollector : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _provider;
    private readonly GitHubSimulator _simulator;

    private BenchCollector(string folder, ServiceProvider provider, GitHubSimulator simulator)
    {
        _folder = folder;
        _provider = provider;
        _simulator = simulator;
    }

    public IServiceProvider Services => _provider;

    public ICollectionService Collection => _provider.GetRequiredService<ICollectionService>();

    public IRepositoryStore Repositories => _provider.GetRequiredService<IRepositoryStore>();

    public static async Task<BenchCollector> StartAsync(GitHubSimulator simulator, TimeProvider clock, Action<GitHubCollectorOptions>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("ghstats-bench-").FullName;
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Error));
        services.AddSingleton(clock);
        services.AddGhStats()
            .UseSqlite($"Data Source={Path.Combine(folder, "ghstats.db")}")
            .AddGitHubCollector(o =>
            {
                // The star backfill is a one-off of each repository's first runs: left out of what a benchmark compares.
                o.StarBackfillPagesPerRun = 0;
                configure?.Invoke(o);
            })

            // The simulator listens on loopback over http: allowed explicitly, as an operator would allow a GitHub Enterprise host.
            .ConfigureGitHubApi(o => o.AllowedHosts.Add(new GitHubApiHost { Host = "127.0.0.1", AllowHttp = true, AllowPrivateAddresses = true }));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        return new BenchCollector(folder, provider, simulator);
    }

    /// <summary>A tenant with one personal-access-token connection and the repositories <paramref name="owner"/>/repo-00000 onwards.</summary>
    public async Task<(Tenant Tenant, GitHubConnection Connection)> AddTenantAsync(string slug, string token, string owner, int repos)
    {
        var tenant = await _provider.GetRequiredService<ITenantStore>().CreateAsync(slug, "Benchmark " + slug);
        var connection = await AddConnectionAsync(tenant.Id, token);
        await AddRepositoriesAsync(tenant.Id, connection.Id, owner, repos);
        return (tenant, connection);
    }

    public async Task<GitHubConnection> AddConnectionAsync(long tenantId, string token) =>
        await _provider.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenantId, "bench pat", GitHubConnectionKind.PersonalAccessToken, _simulator.BaseAddress, _provider.GetRequiredService<ISecretProtector>().Protect(token)));

    public async Task AddRepositoriesAsync(long tenantId, long connectionId, string owner, int repos)
    {
        for (var i = 0; i < repos; i++)
        {
            await Repositories.AddAsync(tenantId, owner, $"repo-{i:D5}", connectionId);
        }
    }

    /// <summary>Starts a run (of every tenant when <paramref name="tenantId"/> is null) and waits for it to finish.</summary>
    public async Task<CollectionRun> CollectAsync(long? tenantId, TimeSpan limit)
    {
        var run = await Collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "bench", tenantId));
        using var timeout = new CancellationTokenSource(limit);
        return await Collection.WaitAsync(run.Id, timeout.Token) ?? throw new InvalidOperationException("The run vanished.");
    }

    public async Task<IReadOnlyList<CollectionError>> ErrorsAsync(long runId) =>
        await _provider.GetRequiredService<ICollectionRunStore>().ListErrorsAsync(runId);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
