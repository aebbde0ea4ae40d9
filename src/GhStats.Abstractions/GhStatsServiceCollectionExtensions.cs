using System.Diagnostics.Metrics;
using GhStats;
using GhStats.Administration;
using GhStats.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The GhStats entry point.</summary>
public static class GhStatsServiceCollectionExtensions
{
    /// <summary>Adds GhStats' core services with options bound from <paramref name="configuration"/> (the "GhStats" section).</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The "GhStats" configuration section.</param>
    /// <returns>The builder that storage, collector and web packages extend.</returns>
    public static GhStatsBuilder AddGhStats(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GhStatsAdministration>();
        services.TryAddSingleton(provider => new GhStatsMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsStorageOptions>, GhStatsStorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GhStatsStartupValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubApiOptions>, GitHubApiOptionsValidator>());
        services.TryAddSingleton<GitHubApiHostPolicy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsCoverageOptions>, GhStatsCoverageOptionsValidator>());

        // Each options class is bound once (BindOptions), so a second AddGhStats() changes nothing.
        services.TryAddSingleton<GhStatsMarker>();
        var builder = new GhStatsBuilder(services, configuration);
        builder.BindOptions<GhStatsStorageOptions>(GhStatsStorageOptions.SectionName);
        builder.BindOptions<GitHubApiOptions>(GitHubApiOptions.SectionName);
        builder.BindOptions<GhStatsCoverageOptions>(GhStatsCoverageOptions.SectionName);
        return builder;
    }

    /// <summary>Adds GhStats' core services without configuration; options then come from code only.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The builder that storage, collector and web packages extend.</returns>
    public static GhStatsBuilder AddGhStats(this IServiceCollection services) =>
        services.AddGhStats(EmptyConfiguration.Instance);
}
