using GhStats;
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
    /// connection, options from <c>GhStats:Collector</c>, and the optional in-process schedule. It needs a storage provider and an <see cref="ISecretProtector"/> (the web module's
    /// <c>AddWeb()</c> registers one based on Data Protection).
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder AddGitHubCollector(this GhStatsBuilder builder, Action<GitHubCollectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(CollectionService)))
        {
            services.AddOptions<GitHubCollectorOptions>()
                .Bind(builder.Configuration.GetSection(GitHubCollectorOptions.SectionName))
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubCollectorOptions>, GitHubCollectorOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubCollectorOptions>, CollectorDependenciesValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<GitHubSessionFactory>();
            services.TryAddSingleton<RepositoryCollector>();
            services.TryAddSingleton<OwnerDiscovery>();
            services.TryAddSingleton<CollectionJob>();
            services.AddSingleton<CollectionService>();
            services.TryAddSingleton<ICollectionService>(sp => sp.GetRequiredService<CollectionService>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CollectionService>());
            services.AddHostedService<CollectionSchedule>();
            services.AddHostedService<QueuedRunStarter>();
            services.TryAddSingleton<IGitHubConnectionCheck, GitHubConnectionCheck>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    /// <summary>Names what the collector needs and the host did not register.</summary>
    private sealed class CollectorDependenciesValidator(IServiceProvider services) : IValidateOptions<GitHubCollectorOptions>
    {
        public ValidateOptionsResult Validate(string? name, GitHubCollectorOptions options)
        {
            var failures = new List<string>();
            if (services.GetService<ISecretProtector>() is null)
            {
                failures.Add("AddGitHubCollector() needs an ISecretProtector to decrypt GitHub tokens and App keys: call AddWeb() (Data Protection) or register your own.");
            }

            if (services.GetService<ITrafficStore>() is null)
            {
                failures.Add("AddGitHubCollector() needs a store: call UseSqlite(...), UsePostgres(...) or UseDb2(...) on the builder.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
