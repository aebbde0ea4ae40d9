using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GhStats;

/// <summary>
/// Returned by <c>AddGhStats()</c>; every GhStats package extends it (<c>UseSqlite()</c>, <c>UsePostgres()</c>,
/// <c>UseDb2()</c>, <c>AddGitHubCollector()</c>, <c>AddWeb()</c>). Each options class also has a
/// <c>Configure{Concern}(...)</c> method on it (<see cref="ConfigureStorage"/>, <c>ConfigureSqlite</c>,
/// <c>ConfigureCollector</c>, <c>ConfigureApi</c> ...) that applies code after the <c>GhStats:*</c> configuration,
/// whether it is called before or after the method that adds the package.
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

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <c>GhStats:{sectionName}</c> and validates it when the host starts, once
    /// however often it is called. Code configuration registered after this call (which every <c>Configure{Concern}</c>
    /// method and every package's entry method makes first) therefore applies after the configuration.
    /// </summary>
    /// <typeparam name="TOptions">The options class of one concern.</typeparam>
    /// <param name="sectionName">The section under "GhStats", e.g. "Cron".</param>
    /// <returns>The options builder, to add code configuration.</returns>
    public OptionsBuilder<TOptions> BindOptions<TOptions>(string sectionName)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        var options = Services.AddOptions<TOptions>();
        if (!Services.Any(d => d.ServiceType == typeof(GhStatsOptionsBinding<TOptions>)))
        {
            Services.AddSingleton(new GhStatsOptionsBinding<TOptions>(sectionName));
            options.Bind(Configuration.GetSection(sectionName)).ValidateOnStart();
        }

        return options;
    }

    /// <summary>
    /// Changes the storage settings shared by every provider (<c>GhStats:Storage</c>) in code, after the configuration.
    /// </summary>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder, for chaining.</returns>
    public GhStatsBuilder ConfigureStorage(Action<GhStatsStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        BindOptions<GhStatsStorageOptions>(GhStatsStorageOptions.SectionName).Configure(configure);
        return this;
    }

    /// <summary>
    /// Changes when a repository counts as at risk of losing days (<c>GhStats:Coverage</c>) in code, after the configuration.
    /// </summary>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder, for chaining.</returns>
    public GhStatsBuilder ConfigureCoverage(Action<GhStatsCoverageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        BindOptions<GhStatsCoverageOptions>(GhStatsCoverageOptions.SectionName).Configure(configure);
        return this;
    }

    /// <summary>
    /// Changes which GitHub API hosts connections may call (<c>GhStats:GitHub</c>) in code, after the configuration,
    /// e.g. <c>.ConfigureGitHubApi(o =&gt; o.AllowedHosts.Add(new() { Host = "github.example.com" }))</c>.
    /// </summary>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder, for chaining.</returns>
    public GhStatsBuilder ConfigureGitHubApi(Action<GitHubApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        BindOptions<GitHubApiOptions>(GitHubApiOptions.SectionName).Configure(configure);
        return this;
    }
}
