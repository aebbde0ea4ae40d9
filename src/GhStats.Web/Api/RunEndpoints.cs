using System.Globalization;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Api;

/// <summary><c>/runs</c>: the collection log, for maintainers and admins.</summary>
internal static class RunEndpoints
{
    private const int MaxRuns = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runs", ListAsync).WithName("ListRuns").RequireAuthorization(GhStatsPolicies.Maintainer)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/runs/{id:long}", GetAsync).WithName("GetRun").RequireAuthorization(GhStatsPolicies.Maintainer)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    // limit is read as text: a typed parameter that fails to bind throws before the API's filters (a 500 in Development).
    private static async Task<Ok<List<RunResponse>>> ListAsync(string? limit, HttpContext http, ICollectionRunStore runs)
    {
        var count = PageQuery.Limit(limit, fallback: 50, MaxRuns);
        var list = await runs.ListAsync(count, http.RequestAborted);
        return TypedResults.Ok(list.Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Ok<RunResponse>> GetAsync(long id, HttpContext http, ICollectionRunStore runs, IRepositoryStore repositories)
    {
        var run = await runs.FindAsync(id, http.RequestAborted) ?? throw new GhStatsNotFoundException("run", id);
        var errors = await runs.ListErrorsAsync(id, http.RequestAborted);
        var names = new Dictionary<long, string?>();
        foreach (var repositoryId in errors.Where(e => e.RepositoryId is not null).Select(e => e.RepositoryId!.Value).Distinct())
        {
            names[repositoryId] = (await repositories.FindAsync(repositoryId, http.RequestAborted))?.FullName;
        }

        return TypedResults.Ok(run.ToResponse(errors.Select(e => new RunErrorResponse(
            e.RepositoryId, e.RepositoryId is { } r ? names.GetValueOrDefault(r) : null, WireNames.Of(e.Kind), e.Message, e.OccurredAt)).ToList()));
    }
}
