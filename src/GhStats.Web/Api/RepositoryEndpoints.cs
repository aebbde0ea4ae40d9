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

/// <summary><c>/repos</c>: what the caller may see, and for owners, tracking and untracking.</summary>
internal static class RepositoryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos", ListAsync).WithName("ListRepositories").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/repos", TrackAsync).WithName("TrackRepository")
            .Accepts<TrackRepositoryRequest>("application/json").Produces<RepositoryResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/horizon", HorizonAsync).WithName("GetHorizon").Produces<HorizonOverviewResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/repos/{id:long}", GetAsync).WithName("GetRepository").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/repos/{id:long}", RemoveAsync).WithName("RemoveRepository")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/repos/{id:long}/badges", SetBadgesAsync).WithName("SetRepositoryBadges")
            .Accepts<BadgesRequest>("application/json").Produces<RepositoryResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<RepositoryResponse>>> ListAsync(string? tenant, HttpContext http, ApiAccess access, IRepositoryStore repositories, CollectionHorizons horizons)
    {
        var caller = await access.CallerAsync();
        var result = new List<RepositoryResponse>();
        foreach (var each in await access.VisibleTenantsAsync(tenant))
        {
            var list = await repositories.ListAsync(each.Id, cancellationToken: http.RequestAborted);
            result.AddRange(list.Where(caller.CanRead).Select(r => r.ToResponse(each.Slug, horizons.Of(r))));
        }

        return TypedResults.Ok(result);
    }

    /// <summary>The repositories of <c>GET /repos</c> counted by horizon; those not fine listed worst first.</summary>
    private static async Task<Ok<HorizonOverviewResponse>> HorizonAsync(string? tenant, HttpContext http, ApiAccess access, IRepositoryStore repositories, CollectionHorizons horizons)
    {
        var caller = await access.CallerAsync();
        var all = new List<HorizonRepositoryResponse>();
        var states = new List<HorizonState>();
        foreach (var each in await access.VisibleTenantsAsync(tenant))
        {
            foreach (var repository in (await repositories.ListAsync(each.Id, cancellationToken: http.RequestAborted)).Where(caller.CanRead))
            {
                var horizon = horizons.Of(repository);
                states.Add(horizon.State);
                if (horizon.State != HorizonState.Fine)
                {
                    all.Add(new HorizonRepositoryResponse(repository.Id, each.Slug, repository.FullName, horizon.ToResponse()));
                }
            }
        }

        var worstFirst = all.OrderByDescending(r => r.Horizon.DaysSinceRead)
            .ThenBy(r => r.Tenant, StringComparer.Ordinal).ThenBy(r => r.FullName, StringComparer.OrdinalIgnoreCase).ToList();
        return TypedResults.Ok(new HorizonOverviewResponse(horizons.AtRiskAfterDays,
            states.Count(s => s == HorizonState.Fine), states.Count(s => s == HorizonState.AtRisk), states.Count(s => s == HorizonState.LosingDays), worstFirst));
    }

    private static async Task<Ok<RepositoryResponse>> GetAsync(long id, HttpContext http, ApiAccess access, ITenantStore tenants, CollectionHorizons horizons)
    {
        var repository = await access.RepositoryAsync(id);
        var tenant = await tenants.GetAsync(repository.TenantId, http.RequestAborted);
        return TypedResults.Ok(repository.ToResponse(tenant.Slug, horizons.Of(repository)));
    }

    private static async Task<IResult> TrackAsync(
        HttpContext http, ApiAccess access, IRepositoryStore repositories, IConnectionStore connections, TrafficResponseCache cache, CollectionHorizons horizons)
    {
        var request = await ApiBody.ReadAsync<TrackRepositoryRequest>(http);
        if (string.IsNullOrWhiteSpace(request.Tenant))
        {
            throw ApiProblems.Invalid("TrackTenantRequired");
        }

        if (!GitHubNames.TryParseFullName(request.FullName?.Trim(), out var owner, out var name))
        {
            throw ApiProblems.Invalid("FullNameInvalid", request.FullName);
        }

        var tenant = await access.TenantAsync(request.Tenant.Trim(), TenantRole.Owner);
        if (request.ConnectionId is { } connectionId)
        {
            // Another tenant's connection is as unknown here as one that does not exist.
            await connections.GetAsync(tenant.Id, connectionId, http.RequestAborted);
        }

        var repository = await repositories.AddAsync(tenant.Id, owner, name, request.ConnectionId, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.RepositoryTracked, tenant.Id, AuditTargets.Repository(repository));
        cache.Invalidate();
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{repository.Id}", repository.ToResponse(tenant.Slug, horizons.Of(repository)));
    }

    private static async Task<NoContent> RemoveAsync(long id, string? purge, HttpContext http, ApiAccess access, IRepositoryStore repositories, TrafficResponseCache cache)
    {
        var purgeData = purge?.Trim().ToUpperInvariant() switch
        {
            null or "" or "FALSE" => false,
            "TRUE" => true,
            _ => throw ApiProblems.Invalid("FlagInvalid", "purge", purge),
        };
        var repository = await access.RepositoryAsync(id, manage: true);
        await repositories.RemoveAsync(repository.TenantId, repository.Id, purgeData, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(purgeData ? AuditActions.RepositoryPurged : AuditActions.RepositoryUntracked, repository.TenantId, AuditTargets.Repository(repository));
        cache.Invalidate();
        return TypedResults.NoContent();
    }

    /// <summary>Turns the repository's public badges on or off (Owners of its tenant and Admins).</summary>
    private static async Task<Ok<RepositoryResponse>> SetBadgesAsync(long id, HttpContext http, ApiAccess access, IRepositoryStore repositories, ITenantStore tenants, CollectionHorizons horizons)
    {
        var request = await ApiBody.ReadAsync<BadgesRequest>(http);
        if (request.Enabled is not { } enabled)
        {
            throw ApiProblems.Invalid("BadgesEnabledRequired");
        }

        var repository = await access.RepositoryAsync(id, manage: true);
        var changed = await repositories.SetBadgesAsync(repository.TenantId, repository.Id, enabled, http.RequestAborted);
        if (changed.BadgesEnabled != repository.BadgesEnabled)
        {
            await AuditTrail.Of(http).RecordAsync(AuditActions.RepositoryBadgesChanged, repository.TenantId, AuditTargets.Repository(repository), enabled ? "on" : "off");
        }

        var tenant = await tenants.GetAsync(changed.TenantId, http.RequestAborted);
        return TypedResults.Ok(changed.ToResponse(tenant.Slug, horizons.Of(changed)));
    }
}
