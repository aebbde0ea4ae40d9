using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Dashboards;

/// <summary><c>/tenants/{tenant}/dashboards</c>: the tenant's public dashboards, for its Owners; every change is audited.</summary>
internal static class DashboardEndpoints
{
    /// <summary>The most repositories one dashboard shows: each costs a few queries when its data is not cached.</summary>
    public const int MaxRepositories = 20;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenant}/dashboards", ListAsync).WithName("ListDashboards")
            .WithSummary("Lists the tenant's public dashboards.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tenants/{tenant}/dashboards", CreateAsync).WithName("CreateDashboard")
            .WithSummary("Makes a public dashboard of chosen repositories at a new random address, published unless 'published' is false.")
            .Accepts<DashboardRequest>("application/json").Produces<DashboardResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tenants/{tenant}/dashboards/{id:long}", GetAsync).WithName("GetDashboard")
            .WithSummary("Reads one public dashboard.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/tenants/{tenant}/dashboards/{id:long}", UpdateAsync).WithName("UpdateDashboard")
            .WithSummary("Replaces what a public dashboard shows; its address stays.")
            .Accepts<DashboardRequest>("application/json").Produces<DashboardResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/tenants/{tenant}/dashboards/{id:long}/published", PublishAsync).WithName("PublishDashboard")
            .WithSummary("Publishes or unpublishes a public dashboard; unpublished, its address answers like a missing page at once.")
            .Accepts<PublishRequest>("application/json").Produces<DashboardResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/tenants/{tenant}/dashboards/{id:long}", DeleteAsync).WithName("DeleteDashboard")
            .WithSummary("Deletes a public dashboard.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<DashboardResponse>>> ListAsync(string tenant, HttpContext http, ApiAccess access, IPublicDashboardStore dashboards, GhStatsPaths paths)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var list = await dashboards.ListAsync(found.Id, http.RequestAborted);
        return TypedResults.Ok(list.Select(d => ToResponse(d, paths)).ToList());
    }

    private static async Task<Ok<DashboardResponse>> GetAsync(string tenant, long id, HttpContext http, ApiAccess access, IPublicDashboardStore dashboards, GhStatsPaths paths)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        return TypedResults.Ok(ToResponse(await dashboards.GetAsync(found.Id, id, http.RequestAborted), paths));
    }

    private static async Task<Created<DashboardResponse>> CreateAsync(
        string tenant, HttpContext http, ApiAccess access, IPublicDashboardStore dashboards, PublicDashboardCache cache, GhStatsPaths paths)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var settings = Settings(await ApiBody.ReadAsync<DashboardRequest>(http));
        var dashboard = await StoreAsync(() => dashboards.CreateAsync(found.Id, DashboardSlugs.New(), settings, http.RequestAborted));
        cache.Invalidate();
        await AuditTrail.Of(http).RecordAsync(AuditActions.DashboardCreated, found.Id, AuditTargets.Dashboard(dashboard), Details(dashboard));
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{dashboard.Id.ToString(CultureInfo.InvariantCulture)}", ToResponse(dashboard, paths));
    }

    private static async Task<Ok<DashboardResponse>> UpdateAsync(
        string tenant, long id, HttpContext http, ApiAccess access, IPublicDashboardStore dashboards, PublicDashboardCache cache, GhStatsPaths paths)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var settings = Settings(await ApiBody.ReadAsync<DashboardRequest>(http));
        var dashboard = await StoreAsync(() => dashboards.UpdateAsync(found.Id, id, settings, http.RequestAborted));
        cache.Invalidate();
        await AuditTrail.Of(http).RecordAsync(AuditActions.DashboardChanged, found.Id, AuditTargets.Dashboard(dashboard), Details(dashboard));
        return TypedResults.Ok(ToResponse(dashboard, paths));
    }

    private static async Task<Ok<DashboardResponse>> PublishAsync(
        string tenant, long id, HttpContext http, ApiAccess access, IPublicDashboardStore dashboards, PublicDashboardCache cache, GhStatsPaths paths)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var published = (await ApiBody.ReadAsync<PublishRequest>(http)).Published
            ?? throw ApiProblems.Invalid("PublishedRequired");
        var dashboard = await dashboards.SetPublishedAsync(found.Id, id, published, http.RequestAborted);
        cache.Invalidate();
        await AuditTrail.Of(http).RecordAsync(published ? AuditActions.DashboardPublished : AuditActions.DashboardUnpublished, found.Id, AuditTargets.Dashboard(dashboard));
        return TypedResults.Ok(ToResponse(dashboard, paths));
    }

    private static async Task<NoContent> DeleteAsync(string tenant, long id, HttpContext http, ApiAccess access, IPublicDashboardStore dashboards, PublicDashboardCache cache)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        await dashboards.DeleteAsync(found.Id, id, http.RequestAborted);
        cache.Invalidate();
        await AuditTrail.Of(http).RecordAsync(AuditActions.DashboardDeleted, found.Id, AuditTargets.Dashboard(id));
        return TypedResults.NoContent();
    }

    private static PublicDashboardSettings Settings(DashboardRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            throw ApiProblems.Invalid("DashboardTitleRequired");
        }

        if (request.Title.Trim().Length > FieldLimits.DashboardTitle)
        {
            throw ApiProblems.Invalid("DashboardTitleTooLong", FieldLimits.DashboardTitle);
        }

        var repositories = (request.RepositoryIds ?? []).Distinct().ToList();
        if (repositories.Count is 0 or > MaxRepositories)
        {
            throw ApiProblems.Invalid("DashboardRepositoriesCount", MaxRepositories);
        }

        return new PublicDashboardSettings(request.Title.Trim(), repositories, request.ShowReferrers ?? false, request.ShowPopularContent ?? false,
            FrameOrigins.Parse(request.FrameOrigins), request.Published ?? true);
    }

    /// <summary>A repository outside the tenant's tracked ones is the caller's mistake (400), and says no more than "not found" would.</summary>
    private static async Task<PublicDashboard> StoreAsync(Func<Task<PublicDashboard>> write)
    {
        try
        {
            return await write();
        }
        catch (GhStatsNotFoundException missing) when (missing.Entity == "repository")
        {
            throw ApiProblems.Invalid("DashboardRepositoryNotTracked");
        }
    }

    private static string Details(PublicDashboard dashboard) =>
        $"published={dashboard.Published} repositories={string.Join(',', dashboard.RepositoryIds)} referrers={dashboard.ShowReferrers} "
        + $"popularContent={dashboard.ShowPopularContent} frameOrigins={string.Join(' ', dashboard.FrameOrigins)}";

    private static DashboardResponse ToResponse(PublicDashboard dashboard, GhStatsPaths paths) =>
        new(dashboard.Id, dashboard.Slug, PublicDashboardPaths.Page(paths, dashboard.Slug), dashboard.Title, dashboard.RepositoryIds,
            dashboard.ShowReferrers, dashboard.ShowPopularContent, dashboard.FrameOrigins, dashboard.Published, dashboard.CreatedAt, dashboard.UpdatedAt);
}
