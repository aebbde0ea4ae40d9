using System.Diagnostics.Metrics;
using GhStats;
using GhStats.Administration;
using GhStats.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

        // Binding twice would apply the section twice; the marker keeps a second AddGhStats() from changing anything.
        if (!services.Any(d => d.ServiceType == typeof(GhStatsMarker)))
        {
            services.AddSingleton<GhStatsMarker>();
            services.AddOptions<GhStatsStorageOptions>()
                .Bind(configuration.GetSection(GhStatsStorageOptions.SectionName))
                .ValidateOnStart();
        }

        return new GhStatsBuilder(services, configuration);
    }

    /// <summary>Adds GhStats' core services without configuration; options then come from code only.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The builder that storage, collector and web packages extend.</returns>
    public static GhStatsBuilder AddGhStats(this IServiceCollection services) =>
        services.AddGhStats(EmptyConfiguration.Instance);
}
