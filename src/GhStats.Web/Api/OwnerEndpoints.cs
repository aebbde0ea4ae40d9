using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Api;

/// <summary><c>/tenants/{tenant}/owners</c>: GitHub users and organisations whose every repository a tenant tracks, for its owners.</summary>
internal static class OwnerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenant}/owners", ListAsync).WithName("ListTrackedOwners")
            .WithSummary("Lists the GitHub users and organisations whose every repository the tenant tracks.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tenants/{tenant}/owners", AddAsync).WithName("TrackOwner")
            .WithSummary("Tracks every repository of a GitHub user or organisation; each collection starts tracking its new repositories that pass the filters.")
            .Accepts<TrackOwnerRequest>("application/json").Produces<TrackedOwnerResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/tenants/{tenant}/owners/{id:long}", RemoveAsync).WithName("UntrackOwner")
            .WithSummary("Stops tracking an owner as a whole; the repositories found so far stay tracked (remove them one by one with DELETE /repos/{id}).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<TrackedOwnerResponse>>> ListAsync(string tenant, HttpContext http, ApiAccess access, ITrackedOwnerStore owners)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var list = await owners.ListAsync(found.Id, http.RequestAborted);
        return TypedResults.Ok(list.Select(o => o.ToResponse()).ToList());
    }

    private static async Task<IResult> AddAsync(string tenant, HttpContext http, ApiAccess access, ITrackedOwnerStore owners)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var request = await ApiBody.ReadAsync<TrackOwnerRequest>(http);
        if (string.IsNullOrWhiteSpace(request.Owner))
        {
            throw ApiProblems.Invalid("OwnerRequired");
        }

        TrackedOwner owner;
        try
        {
            owner = await owners.AddAsync(
                new NewTrackedOwner(found.Id, request.Owner.Trim(), request.ConnectionId, request.Include, request.Exclude, request.SkipForks ?? true, request.SkipArchived ?? true),
                http.RequestAborted);
        }
        catch (ArgumentException invalid)
        {
            throw ApiProblems.InvalidUntranslated(InWireNames(invalid));
        }

        await AuditTrail.Of(http).RecordAsync(AuditActions.OwnerTracked, found.Id, AuditTargets.Owner(owner), $"include={owner.Include} exclude={owner.Exclude} skipForks={owner.SkipForks} skipArchived={owner.SkipArchived}");
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{owner.Id}", owner.ToResponse());
    }

    private static async Task<NoContent> RemoveAsync(string tenant, long id, HttpContext http, ApiAccess access, ITrackedOwnerStore owners)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        await owners.RemoveAsync(found.Id, id, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.OwnerUntracked, found.Id, AuditTargets.Owner(id));
        return TypedResults.NoContent();
    }

    /// <summary>The store names the record's fields ("Include"); the caller sent JSON fields ("include").</summary>
    private static string InWireNames(ArgumentException invalid)
    {
        var message = invalid.ParamName is { } name ? invalid.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : invalid.Message;
        foreach (var field in new[] { nameof(TrackOwnerRequest.Include), nameof(TrackOwnerRequest.Exclude) })
        {
            if (message.StartsWith(field + " ", StringComparison.Ordinal))
            {
                return char.ToLowerInvariant(field[0]) + message[1..];
            }
        }

        return message;
    }
}
