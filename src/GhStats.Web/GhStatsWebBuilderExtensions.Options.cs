using GhStats;
using GhStats.Web;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The web module's settings in code: one method per options class, each applied after the configuration.</summary>
public static partial class GhStatsWebBuilderExtensions
{
    /// <summary>
    /// Changes the sign-in settings (<c>GhStats:Authentication</c>) in code, after the configuration, whether called before
    /// or after <c>AddWeb()</c>. Which sign-in schemes exist is decided from the final settings, so this counts too.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder ConfigureAuthentication(this GhStatsBuilder builder, Action<GhStatsAuthenticationOptions> configure) =>
        Configure(builder, GhStatsAuthenticationOptions.SectionName, configure);

    /// <summary>Changes the first administrators (<c>GhStats:Bootstrap</c>) in code, after the configuration.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, e.g. <c>o => o.AdminEmails.Add("you@example.com")</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder ConfigureBootstrap(this GhStatsBuilder builder, Action<GhStatsBootstrapOptions> configure) =>
        Configure(builder, GhStatsBootstrapOptions.SectionName, configure);

    /// <summary>Changes the cron endpoint's settings (<c>GhStats:Cron</c>) in code, after the configuration.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, e.g. <c>o => o.Secret = secrets.Read("cron")</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder ConfigureCron(this GhStatsBuilder builder, Action<GhStatsCronOptions> configure) =>
        Configure(builder, GhStatsCronOptions.SectionName, configure);

    /// <summary>Changes the JSON API's limits and caches (<c>GhStats:Api</c>) in code, after the configuration.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder ConfigureApi(this GhStatsBuilder builder, Action<GhStatsApiOptions> configure) =>
        Configure(builder, GhStatsApiOptions.SectionName, configure);

    /// <summary>Changes the abuse limits (<c>GhStats:RateLimits</c>) in code, after the configuration.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, e.g. <c>o => o.ApiToken.PermitLimit = 1200</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder ConfigureRateLimits(this GhStatsBuilder builder, Action<GhStatsRateLimitOptions> configure) =>
        Configure(builder, GhStatsRateLimitOptions.SectionName, configure);

    /// <summary>Changes the trusted reverse proxies (<c>GhStats:ForwardedHeaders</c>) in code, after the configuration.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, e.g. <c>o => o.KnownNetworks.Add("10.0.0.0/24")</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder ConfigureForwardedHeaders(this GhStatsBuilder builder, Action<GhStatsForwardedHeadersOptions> configure) =>
        Configure(builder, GhStatsForwardedHeadersOptions.SectionName, configure);

    private static GhStatsBuilder Configure<TOptions>(GhStatsBuilder builder, string sectionName, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<TOptions>(sectionName).Configure(configure);
        return builder;
    }
}
