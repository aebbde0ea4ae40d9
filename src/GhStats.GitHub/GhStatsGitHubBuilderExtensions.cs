using System.Diagnostics.Metrics;
using System.Net;
using GhStats;
using GhStats.Diagnostics;
using GhStats.GitHub;
using GhStats.GitHub.Checks;
using GhStats.GitHub.Client;
using GhStats.GitHub.Collection;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the GitHub collector to GhStats.</summary>
public static class GhStatsGitHubBuilderExtensions
{
    /// <summary>
    /// Adds the collector: <see cref="ICollectionService"/> to start runs, <see cref="IGitHubConnectionCheck"/> to test a
    /// connection, <see cref="ICollectionPlanner"/> for each connection's plan, options from <c>GhStats:Collector</c>, and the optional in-process schedule. It needs a storage provider, which also registers the <see cref="ISecretProtector"/>
    /// that decrypts the connections' secrets (Data Protection with its key ring in the GhStats database), so it runs without the web module.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder AddGitHubCollector(this GhStatsBuilder builder, Action<GitHubCollectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = builder.BindOptions<GitHubCollectorOptions>(GitHubCollectorOptions.SectionName);
        if (!services.Any(d => d.ServiceType == typeof(CollectionService)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubCollectorOptions>, GitHubCollectorOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubCollectorOptions>, CollectorDependenciesValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton(provider => new GhStatsMetrics(provider.GetService<IMeterFactory>()));
            services.TryAddSingleton<IJitterSource, SeededJitterSource>();
            AddGitHubHttpClient(services);
            services.TryAddSingleton<GitHubSessionFactory>();
            services.TryAddSingleton<RepositoryCollector>();
            services.TryAddSingleton<StarHistoryBackfill>();
            services.TryAddSingleton<OwnerDiscovery>();
            services.TryAddSingleton<CollectionErrorRecorder>();
            services.TryAddSingleton<RunProgressReporter>();
            services.TryAddSingleton<CollectionJob>();
            services.AddSingleton<CollectionService>();
            services.TryAddSingleton<ICollectionService>(sp => sp.GetRequiredService<CollectionService>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CollectionService>());
            services.AddHostedService<CollectionSchedule>();
            services.AddHostedService<QueuedRunStarter>();
            services.TryAddSingleton<IGitHubConnectionCheck, GitHubConnectionCheck>();
            services.TryAddSingleton<ICollectionPlanner, CollectionPlanner>();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Changes the collector's settings (<c>GhStats:Collector</c>) in code, after the configuration; <c>AddGitHubCollector()</c>
    /// adds the collector.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigureCollector(this GhStatsBuilder builder, Action<GitHubCollectorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<GitHubCollectorOptions>(GitHubCollectorOptions.SectionName).Configure(configure);
        return builder;
    }

    /// <summary>
    /// The named client <see cref="GitHubCollectorOptions.HttpClientName"/>, outermost first: transient retries with
    /// jitter, GitHub's rate-limit rules and pacing, authentication, a timeout per attempt, the guard that keeps requests
    /// on the connection's own API origin and refuses redirects and oversized answers (Octokit would follow redirects
    /// itself), then whatever the host adds, over a primary handler that follows no redirects and connects only to
    /// addresses the operator allows (<see cref="GitHubConnector"/>).
    /// </summary>
    private static void AddGitHubHttpClient(IServiceCollection services)
    {
        services.TryAddTransient<GitHubRequestHandler>();
        services.TryAddTransient<GitHubAuthenticationHandler>();
        services.TryAddTransient<GitHubResponseGuard>();
        services.TryAddSingleton<GitHubConnector>();
        var client = services.AddHttpClient(GitHubCollectorOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = provider.GetRequiredService<GitHubConnector>().ConnectAsync,
            });
        client.AddResilienceHandler(GitHubResilience.RetryPipeline, (pipeline, context) => GitHubResilience.AddRetry(pipeline, context.ServiceProvider));
        client.AddHttpMessageHandler<GitHubRequestHandler>();
        client.AddHttpMessageHandler<GitHubAuthenticationHandler>();
        client.AddResilienceHandler(GitHubResilience.AttemptTimeoutPipeline, (pipeline, _) => GitHubResilience.AddAttemptTimeout(pipeline));
        client.AddHttpMessageHandler<GitHubResponseGuard>();
    }

    /// <summary>
    /// Names what the collector needs and the host did not register. It asks whether they are registered, never builds
    /// them: building the store would read (and fail on) the store's options in the middle of checking the collector's.
    /// </summary>
    private sealed class CollectorDependenciesValidator(IServiceProviderIsService services) : IValidateOptions<GitHubCollectorOptions>
    {
        public ValidateOptionsResult Validate(string? name, GitHubCollectorOptions options)
        {
            var failures = new List<string>();
            if (!services.IsService(typeof(ISecretProtector)))
            {
                failures.Add("AddGitHubCollector() needs an ISecretProtector to decrypt GitHub tokens and App keys: the storage providers (UseSqlite(...), UsePostgres(...), UseDb2(...)) register one over the database's Data Protection key ring, or register your own.");
            }

            if (!services.IsService(typeof(ITrafficStore)))
            {
                failures.Add("AddGitHubCollector() needs a store: call UseSqlite(...), UsePostgres(...) or UseDb2(...) on the builder.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
