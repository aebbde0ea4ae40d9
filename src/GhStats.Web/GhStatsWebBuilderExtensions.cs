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
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the GhStats web module to a <see cref="GhStatsBuilder"/>.</summary>
public static class GhStatsWebBuilderExtensions
{
    /// <summary>
    /// Adds the pages, JSON API v1, sign-in (OpenID Connect, the development sign-in, or the host's own authentication), the
    /// GhStats authorization policies, the cron endpoint, and Data Protection with its keys in the GhStats database
    /// (which also encrypts GitHub secrets). Settings come from <c>GhStats:Authentication</c>, <c>GhStats:Bootstrap</c>,
    /// <c>GhStats:Cron</c> and <c>GhStats:Api</c>, then from <paramref name="configure"/>. Map it with <c>app.MapGhStats()</c>.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Changes the sign-in settings after configuration is bound.</param>
    /// <returns>The builder, for chaining.</returns>
    public static GhStatsBuilder AddWeb(this GhStatsBuilder builder, Action<GhStatsAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(GhStatsPaths)))
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return builder;
        }

        var configuration = builder.Configuration;
        services.AddSingleton<GhStatsPaths>();
        BindOptions(services, configuration, configure);
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddAntiforgery();
        services.AddOpenApi("ghstats", openApi => openApi.ShouldInclude = description => description.GroupName == "ghstats");
        AddTelemetry(services);
        AddDataProtection(services, configuration);
        AddIdentity(services);
        AddAuthentication(services, configuration, configure);
        AddAuthorization(services);
        AddPages(services);
        return builder;
    }

    private static void BindOptions(IServiceCollection services, IConfiguration configuration, Action<GhStatsAuthenticationOptions>? configure)
    {
        var authentication = services.AddOptions<GhStatsAuthenticationOptions>()
            .Bind(configuration.GetSection(GhStatsAuthenticationOptions.SectionName))
            .ValidateOnStart();
        if (configure is not null)
        {
            authentication.Configure(configure);
        }

        services.AddOptions<GhStatsBootstrapOptions>().Bind(configuration.GetSection(GhStatsBootstrapOptions.SectionName));
        services.AddOptions<GhStatsCronOptions>().Bind(configuration.GetSection(GhStatsCronOptions.SectionName)).ValidateOnStart();
        services.AddOptions<GhStatsApiOptions>().Bind(configuration.GetSection(GhStatsApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsAuthenticationOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsCronOptions>, GhStatsWebOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsApiOptions>, GhStatsWebOptionsValidator>());
    }

    private static void AddDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection();

        // Keys live in the database next to the secrets they encrypt; a certificate kept elsewhere encrypts the keys too.
        var certificatePath = configuration["DataProtection:KeyCertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(KeyCertificate.Load(certificatePath, configuration["DataProtection:KeyCertificatePassword"]));
        }

        // Post-configured, so a host that chose its own key storage or application name keeps it.
        services.AddOptions<KeyManagementOptions>().PostConfigure<IDataProtectionKeyStore>((options, keys) =>
            options.XmlRepository ??= new DatabaseXmlRepository(keys));

        // ASP.NET Core has already set the discriminator to the content root, which differs between replicas installed in
        // different folders and would make each refuse the others' cookies and secrets; a host's SetApplicationName is kept.
        services.AddOptions<DataProtectionOptions>().PostConfigure<IServiceProvider>((options, provider) =>
        {
            if (string.IsNullOrEmpty(options.ApplicationDiscriminator) || options.ApplicationDiscriminator == provider.GetApplicationUniqueIdentifier())
            {
                options.ApplicationDiscriminator = "GhStats";
            }
        });
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProfileBinder>();
        services.TryAddSingleton<CallerResolver>();
        services.TryAddSingleton<AccessCache>();
        services.TryAddSingleton<GhStatsAdministration>();
        services.TryAddScoped<ApiAccess>();
        services.TryAddSingleton<GhStats.Web.Api.TrafficResponseCache>();
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

    private static void AddAuthentication(IServiceCollection services, IConfiguration configuration, Action<GhStatsAuthenticationOptions>? configure)
    {
        // Which handlers to register depends on the settings now; a probe reads them as the options will.
        var probe = new GhStatsAuthenticationOptions();
        configuration.GetSection(GhStatsAuthenticationOptions.SectionName).Bind(probe);
        configure?.Invoke(probe);

        var authentication = services.AddAuthentication();
        authentication.AddPolicyScheme(GhStatsAuthenticationSchemes.Default, "GhStats", _ => { });
        services.AddOptions<PolicySchemeOptions>(GhStatsAuthenticationSchemes.Default)
            .Configure<IOptionsMonitor<GhStatsAuthenticationOptions>>((options, settings) =>
                options.ForwardDefaultSelector = context => BearerTokenOrSession(context, settings.CurrentValue));

        if (probe.HostScheme is not null)
        {
            // The host's own scheme would answer GhStats' refusals with a redirect to the host's access-denied page.
            authentication.AddScheme<AuthenticationSchemeOptions, HostForbiddenHandler>(GhStatsAuthenticationSchemes.HostForbidden, "GhStats refusals", _ => { });
            services.AddOptions<PolicySchemeOptions>(GhStatsAuthenticationSchemes.Default)
                .Configure(options => options.ForwardForbid = GhStatsAuthenticationSchemes.HostForbidden);
        }

        authentication.AddCookie(GhStatsAuthenticationSchemes.Cookie);
        services.AddOptions<CookieAuthenticationOptions>(GhStatsAuthenticationSchemes.Cookie)
            .Configure<GhStatsPaths, IOptionsMonitor<GhStatsAuthenticationOptions>>(SessionCookie.Configure);

        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(GhStatsAuthenticationSchemes.ApiToken, "GhStats API token", _ => { });

        if (probe.Oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(GhStatsAuthenticationSchemes.OpenIdConnect, "OpenID Connect", _ => { });
            services.AddOptions<OpenIdConnectOptions>(GhStatsAuthenticationSchemes.OpenIdConnect)
                .Configure<GhStatsPaths, IOptionsMonitor<GhStatsAuthenticationOptions>>(OidcSignIn.Configure);
        }
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
