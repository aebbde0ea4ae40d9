using GhStats.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Api;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers and its schema is current.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).AllowAnonymous().ExcludeFromDescription();
        module.MapGet("/readyz", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ReadyAsync(ISchemaMigrator migrator, CancellationToken cancellationToken)
    {
        var status = await migrator.GetStatusAsync(cancellationToken);
        return status.IsReady
            ? TypedResults.Ok(new { status = "ready", schemaVersion = status.AppliedVersion })
            : ApiProblems.Result(StatusCodes.Status503ServiceUnavailable, "GhStats is not ready", status.Message ?? "The database schema is not current.");
    }
}
