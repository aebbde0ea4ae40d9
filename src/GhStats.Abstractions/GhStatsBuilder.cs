using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats;

/// <summary>
/// Returned by <c>AddGhStats()</c>; every GhStats package extends it (<c>UseSqlite()</c>, <c>UsePostgres()</c>,
/// <c>UseDb2()</c>, <c>AddGitHubCollector()</c>, <c>AddWeb()</c>).
/// </summary>
public sealed class GhStatsBuilder
{
    /// <summary>Creates a builder over a service collection and the "GhStats" configuration section.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The "GhStats" configuration section, or an empty one.</param>
    public GhStatsBuilder(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The "GhStats" configuration section that options are bound from before code configures them.</summary>
    public IConfiguration Configuration { get; }
}
