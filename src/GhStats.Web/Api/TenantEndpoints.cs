using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Api;

/// <summary><c>/tenants</c>: every caller sees their own; admins create and delete; owners rename.</summary>
internal static class TenantEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants", ListAsync).WithName("ListTenants");
        api.MapPost("/tenants", CreateAsync).WithName("CreateTenant")
            .Accepts<CreateTenantRequest>("application/json").Produces<TenantResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/tenants/{tenant}", GetAsync).WithName("GetTenant").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/tenants/{tenant}", RenameAsync).WithName("UpdateTenant")
            .Accepts<UpdateTenantRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/tenants/{tenant}", DeleteAsync).WithName("DeleteTenant")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<TenantResponse>>> ListAsync(ApiAccess access)
    {
        var caller = await access.CallerAsync();
        return TypedResults.Ok((await access.VisibleTenantsAsync()).Select(t => t.ToResponse(caller.RoleIn(t.Id))).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiAccess access, ITenantStore tenants)
    {
        var caller = await access.CallerAsync();
        if (!caller.IsAdmin)
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "TenantCreateAdminsOnly");
        }

        var request = await ApiBody.ReadAsync<CreateTenantRequest>(http);
        if (string.IsNullOrWhiteSpace(request.Slug) || string.IsNullOrWhiteSpace(request.Name))
        {
            throw ApiProblems.Invalid("TenantSlugAndNameRequired");
        }

        var tenant = await tenants.CreateAsync(request.Slug.Trim(), request.Name.Trim(), http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.TenantCreated, tenant.Id, AuditTargets.Tenant(tenant), $"name={tenant.Name}");
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{tenant.Slug}", tenant.ToResponse(caller.RoleIn(tenant.Id)));
    }

    private static async Task<Ok<TenantResponse>> GetAsync(string tenant, ApiAccess access)
    {
        var caller = await access.CallerAsync();
        var found = await access.VisibleTenantAsync(tenant);
        return TypedResults.Ok(found.ToResponse(caller.RoleIn(found.Id)));
    }

    private static async Task<Ok<TenantResponse>> RenameAsync(string tenant, HttpContext http, ApiAccess access, ITenantStore tenants)
    {
        var caller = await access.CallerAsync();
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var request = await ApiBody.ReadAsync<UpdateTenantRequest>(http);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw ApiProblems.Invalid("TenantNameRequired");
        }

        var renamed = await tenants.RenameAsync(found.Id, request.Name.Trim(), http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.TenantRenamed, renamed.Id, AuditTargets.Tenant(renamed), $"name={found.Name} -> {renamed.Name}");
        return TypedResults.Ok(renamed.ToResponse(caller.RoleIn(renamed.Id)));
    }

    private static async Task<NoContent> DeleteAsync(string tenant, HttpContext http, ApiAccess access, ITenantStore tenants, AccessCache cache)
    {
        var caller = await access.CallerAsync();
        var found = await access.VisibleTenantAsync(tenant);
        if (!caller.IsAdmin)
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "TenantDeleteAdminsOnly");
        }

        await tenants.DeleteAsync(found.Id, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.TenantDeleted, found.Id, AuditTargets.Tenant(found), $"name={found.Name}");
        cache.Invalidate();
        return TypedResults.NoContent();
    }
}
