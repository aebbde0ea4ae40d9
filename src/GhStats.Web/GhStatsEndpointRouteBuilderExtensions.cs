using GhStats;
using GhStats.Web;
using GhStats.Web.Api;
using GhStats.Web.Diagnostics;
using GhStats.Web.SignIn;
using GhStats.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the GhStats web module into an app's endpoints.</summary>
public static class GhStatsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GhStats under <paramref name="prefix"/>: the pages (overview, repositories, tenants, the collection log,
    /// profile) and their assets, JSON API v1 at <c>{prefix}/api/v1</c>, <c>{prefix}/healthz</c>, <c>{prefix}/readyz</c>,
    /// the OpenAPI document at <c>{prefix}/openapi/ghstats.json</c>, and sign-in pages.
    /// </summary>
    /// <param name="endpoints">The app's endpoint builder.</param>
    /// <param name="prefix">The path GhStats lives under, e.g. "/stats"; the root by default.</param>
    /// <returns>One convention builder for everything GhStats maps, so the host can add its own conventions.</returns>
    public static IEndpointConventionBuilder MapGhStats(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<GhStatsMarker>() is null)
        {
            throw new InvalidOperationException(
                "MapGhStats() needs GhStats' services: call builder.Services.AddGhStats(builder.Configuration.GetSection(\"GhStats\")).UseSqlite().AddWeb() first.");
        }

        var paths = services.GetService<GhStatsPaths>()
            ?? throw new InvalidOperationException("MapGhStats() needs the web module: add .AddWeb() to builder.Services.AddGhStats(...).");
        var normalized = GhStatsPaths.Normalize(prefix);
        paths.MapAt(normalized);

        var module = endpoints.MapGroup(normalized);
        RequestMetering.Tag(module, normalized);
        SignInEndpoints.Map(module);
        GhStats.Web.Localization.LanguageEndpoints.Map(module);
        UiEndpoints.Map(module);
        HealthEndpoints.Map(module);
        GhStats.Web.Badges.BadgeEndpoints.Map(module);
        GhStats.Web.Dashboards.PublicDashboardEndpoints.Map(module);
        module.MapOpenApi("/openapi/{documentName}.json");

        var api = module.MapGroup("/api/v1")
            .WithGroupName("ghstats")
            .AddEndpointFilter<ApiResponseHeaders>()
            .AddEndpointFilter<ApiExceptionFilter>()
            .AddEndpointFilter<ApiAntiforgeryFilter>()
            .RequireAuthorization(GhStatsPolicies.User)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        MeEndpoints.Map(api.MapGroup(string.Empty).WithTags("Me"));
        TenantEndpoints.Map(api.MapGroup(string.Empty).WithTags("Tenants"));
        MemberEndpoints.Map(api.MapGroup(string.Empty).WithTags("Members"));
        ConnectionEndpoints.Map(api.MapGroup(string.Empty).WithTags("Connections"));
        CollectionPlanEndpoints.Map(api.MapGroup(string.Empty).WithTags("Connections"));
        OwnerEndpoints.Map(api.MapGroup(string.Empty).WithTags("Owners"));
        RepositoryEndpoints.Map(api.MapGroup(string.Empty).WithTags("Repositories"));
        TrafficEndpoints.Map(api.MapGroup(string.Empty).WithTags("Traffic"));
        GhStats.Web.Compare.CompareEndpoints.Map(api.MapGroup(string.Empty).WithTags("Traffic"));
        CsvEndpoints.Map(api.MapGroup(string.Empty).WithTags("CSV export"));
        ReleaseEndpoints.Map(api.MapGroup(string.Empty).WithTags("Releases"));
        GhStats.Web.Annotations.AnnotationEndpoints.Map(api.MapGroup(string.Empty).WithTags("Annotations"));
        CollectEndpoints.Map(api.MapGroup(string.Empty).WithTags("Collection"));
        RunEndpoints.Map(api.MapGroup(string.Empty).WithTags("Collection"));
        AuditEndpoints.Map(api.MapGroup(string.Empty).WithTags("Audit"));
        NotificationEndpoints.Map(api.MapGroup(string.Empty).WithTags("Notifications"));
        SubscriptionEndpoints.Map(api.MapGroup(string.Empty).WithTags("Notifications"));
        GhStats.Web.Dashboards.DashboardEndpoints.Map(api.MapGroup(string.Empty).WithTags("Public dashboards"));
        GhStats.Web.Transfers.TransferEndpoints.Map(api.MapGroup(string.Empty).WithTags("Import and export"));
        return module;
    }
}
