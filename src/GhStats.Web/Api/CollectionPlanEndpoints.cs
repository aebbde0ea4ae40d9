using GhStats.Domain;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Web.Api;

/// <summary><c>/tenants/{tenant}/collection-plan</c>: what each of a tenant's connections can keep fresh, for its owners.</summary>
internal static class CollectionPlanEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tenants/{tenant}/collection-plan", GetAsync).WithName("GetCollectionPlan")
            .WithSummary("Per connection: its hourly limit, how many repositories it can keep at hourly and at daily freshness, and how many calls the next UTC day needs at the current runs a day; worst case, every answer changed.")
            .Produces<CollectionPlanResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Ok<CollectionPlanResponse>> GetAsync(string tenant, HttpContext http, ApiAccess access)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);

        // The plan knows what a run reads, so it comes with the collector; a web-only process without it says so.
        var planner = http.RequestServices.GetService<ICollectionPlanner>()
            ?? throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "NoCollectorToPlan") { TitleKey = "TitleNoCollector" };
        var plan = await planner.PlanAsync(found.Id, http.RequestAborted);
        return TypedResults.Ok(plan.ToResponse());
    }
}
