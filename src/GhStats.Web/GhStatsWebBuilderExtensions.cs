using GhStats;
using GhStats.Stores;
using GhStats.Web;
using GhStats.Web.Authorization;
using GhStats.Web.Identity;
using GhStats.Web.Security;
using GhStats.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the GhStats web module to a <see cref="GhStatsBuilder"/>.</summary>
public static partial class GhStatsWebBuilderExtensions
{
    /// <summary>
    /// Adds the pages, JSON API v1, sign-in (OpenID Connect, the development sign-in, or the host's own authentication), the
    /// GhStats authorization policies and the cron endpoint. Session cookies are protected with the Data Protection key ring
    /// that the storage provider keeps in the GhStats database (<c>GhStats:DataProtection</c>). Settings come from <c>GhStats:Authentication</c>,
    /// <c>GhStats:Bootstrap</c>, <c>GhStats:Cron</c> and <c>GhStats:Api</c>, then from code: <paramref name="configure"/> (the sign-in settings) and
    /// <c>ConfigureAuthentication</c>, <c>ConfigureBootstrap</c>, <c>ConfigureCron</c> and <c>ConfigureApi</c>.
    /// Map it with <c>app.MapGhStats()</c>.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Changes the sign-in settings after configuration is bound, as <c>ConfigureAuthentication</c> does.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder AddWeb(this GhStatsBuilder builder, Action<GhStatsAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        BindOptions(builder);
        if (configure is not null)
        {
            builder.ConfigureAuthentication(configure);
        }

        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(GhStatsPaths)))
        {
            return builder;
        }

        var configuration = builder.Configuration;
        services.AddSingleton<GhStatsPaths>();
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddAntiforgery();
        services.AddOpenApi("ghstats", openApi => openApi.ShouldInclude = description => description.GroupName == "ghstats");
        AddTelemetry(services);
        AddLocalization(services);
        AddRequestGate(services);
        // Session cookies and antiforgery tokens are protected with the key ring the store registers (GhStats:DataProtection).
        services.AddDataProtection();
        AddIdentity(services);
        AddAuthentication(services);
        AddAuthorization(services);
        AddPages(services);
        return builder;
    }

    private static void BindOptions(GhStatsBuilder builder)
    {
        builder.BindOptions<GhStatsAuthenticationOptions>(GhStatsAuthenticationOptions.SectionName);
        builder.BindOptions<GhStatsBootstrapOptions>(GhStatsBootstrapOptions.SectionName);
        builder.BindOptions<GhStatsCronOptions>(GhStatsCronOptions.SectionName);
        builder.BindOptions<GhStatsApiOptions>(GhStatsApiOptions.SectionName);
        builder.BindOptions<GhStatsRateLimitOptions>(GhStatsRateLimitOptions.SectionName);
        builder.BindOptions<GhStatsForwardedHeadersOptions>(GhStatsForwardedHeadersOptions.SectionName);
        builder.BindOptions<GhStats.Web.Notifications.NotificationInputOptions>(GhStats.Web.Notifications.NotificationInputOptions.SectionName);
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsAuthenticationOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsBootstrapOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsCronOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsApiOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsRateLimitOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsForwardedHeadersOptions>, GhStatsWebOptionsValidator>());
    }

    /// <summary>
    /// Pages, page scripts, sign-in pages and API problems speak the request's language (see <see cref="GhStats.Web.Localization.UiCulture"/>);
    /// its filter is added before the request gate's so that refusals by the rate limits are in that language too.
    /// </summary>
    private static void AddLocalization(IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, GhStats.Web.Localization.UiCulture>());
        services.TryAddSingleton<GhStats.Web.Localization.ScriptText>();
    }

    /// <summary>
    /// Forwarded headers from the proxies of GhStats:ForwardedHeaders (none by default) and the abuse limits of
    /// GhStats:RateLimits run first in the app's pipeline, so the limits count the client a trusted proxy reports.
    /// </summary>
    private static void AddRequestGate(IServiceCollection services)
    {
        // The rate limiting middleware needs its services; GhStats passes its own options, so the app's stay untouched.
        Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions.AddRateLimiter(services, _ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, RequestGate>());
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProfileBinder>();
        services.TryAddSingleton<CallerResolver>();
        services.TryAddSingleton<AccessCache>();
        services.TryAddScoped<ApiAccess>();
        services.TryAddScoped<GhStats.Web.Annotations.ChartMarkers>();
        services.TryAddSingleton<GhStats.Web.Auditing.AuditTrail>();
        services.TryAddSingleton<GhStats.Web.Api.TrafficResponseCache>();
        services.TryAddSingleton<GhStats.Web.Dashboards.PublicDashboardCache>();
        services.TryAddSingleton<GhStats.Web.Api.CollectionHorizons>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<GhStats.Web.Compare.ICompareMetricSource, GhStats.Web.Compare.TrafficCompareMetrics>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<GhStats.Web.Compare.ICompareMetricSource, GhStats.Web.Compare.ReleaseCompareMetrics>());
        services.TryAddSingleton<GhStats.Web.Compare.CompareMetrics>();
    }

    /// <summary>{prefix}/healthz and /readyz run the storage provider's checks; every GhStats request is counted.</summary>
    private static void AddTelemetry(IServiceCollection services)
    {
        services.AddHealthChecks();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, GhStats.Web.Diagnostics.RequestMetering.StartupFilter>());
    }

    /// <summary>The pages are Razor components rendered on the server; their scripts and Chart.js are embedded assets.</summary>
    private static void AddPages(IServiceCollection services)
    {
        services.AddRazorComponents();
        services.TryAddSingleton<GhStats.Web.Ui.UiAssets>();
        services.TryAddScoped<GhStats.Web.Ui.UiRequest>();
        services.TryAddScoped<GhStats.Web.Ui.UiPages>();
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        var authentication = services.AddAuthentication();
        authentication.AddPolicyScheme(GhStatsAuthenticationSchemes.Default, "GhStats", _ => { });
        services.AddOptions<PolicySchemeOptions>(GhStatsAuthenticationSchemes.Default)
            .Configure<IOptionsMonitor<GhStatsAuthenticationOptions>>((options, settings) =>
            {
                options.ForwardDefaultSelector = context => BearerTokenOrSession(context, settings.CurrentValue);

                // The host's own scheme would answer GhStats' refusals with a redirect to the host's access-denied page.
                if (settings.CurrentValue.HostScheme is not null)
                {
                    options.ForwardForbid = GhStatsAuthenticationSchemes.HostForbidden;
                }
            });

        authentication.AddCookie(GhStatsAuthenticationSchemes.Cookie);
        services.AddOptions<CookieAuthenticationOptions>(GhStatsAuthenticationSchemes.Cookie)
            .Configure<GhStatsPaths, IOptionsMonitor<GhStatsAuthenticationOptions>>(SessionCookie.Configure)
            .Configure<IServiceProvider>((options, provider) => options.TimeProvider ??= provider.GetService<TimeProvider>());

        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(GhStatsAuthenticationSchemes.ApiToken, "GhStats API token", _ => { });

        // OpenID Connect and the refusal scheme exist only with some settings. Their handlers and options are registered
        // here, as AddOpenIdConnect and AddScheme would; GhStatsSignInSchemes adds the schemes themselves from the final
        // options when the scheme list is first built, so settings made after AddWeb() (or by a later Configure) count.
        services.TryAddTransient<HostForbiddenHandler>();
        services.TryAddTransient<OpenIdConnectHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(GhStatsAuthenticationSchemes.OpenIdConnect)
            .Configure<GhStatsPaths, IOptionsMonitor<GhStatsAuthenticationOptions>>(OidcSignIn.Configure)
            .Configure<IServiceProvider>((options, provider) => options.TimeProvider ??= provider.GetService<TimeProvider>())
            .Validate(options =>
            {
                options.Validate(GhStatsAuthenticationSchemes.OpenIdConnect);
                return true;
            });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AuthenticationOptions>, GhStatsSignInSchemes>());
    }

    private static string BearerTokenOrSession(HttpContext context, GhStatsAuthenticationOptions settings) =>
        BearerToken.IsPresent(context.Request)
            ? GhStatsAuthenticationSchemes.ApiToken
            : settings.HostScheme ?? GhStatsAuthenticationSchemes.Cookie;

    private static void AddAuthorization(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, GhStatsAuthorizationHandler>());
        services.AddAuthorizationBuilder()
            .AddPolicy(GhStatsPolicies.User, policy => SignedIn(policy))
            .AddPolicy(GhStatsPolicies.Admin, policy => SignedIn(policy).AddRequirements(new SystemRoleRequirement(GhStats.Domain.SystemRole.Admin)))
            .AddPolicy(GhStatsPolicies.Maintainer, policy => SignedIn(policy).AddRequirements(new SystemRoleRequirement(GhStats.Domain.SystemRole.Maintainer)))
            .AddPolicy(GhStatsPolicies.TenantOwner, policy => SignedIn(policy).AddRequirements(new TenantRoleRequirement(GhStats.Domain.TenantRole.Owner)))
            .AddPolicy(GhStatsPolicies.TenantViewer, policy => SignedIn(policy).AddRequirements(new TenantRoleRequirement(GhStats.Domain.TenantRole.Viewer)))
            .AddPolicy(GhStatsPolicies.RepositoryReader, policy => SignedIn(policy).AddRequirements(new RepositoryReadRequirement()));
    }

    private static AuthorizationPolicyBuilder SignedIn(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(GhStatsAuthenticationSchemes.Default)
            .RequireAuthenticatedUser()
            .AddRequirements(new ProfileRequirement());
}
