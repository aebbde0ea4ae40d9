using System.Text.Json;
using GhStats.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GhStats.Web.Api;

/// <summary>
/// <c>/healthz</c> runs the checks tagged "ghstats" and "live" (none needs the database, so it answers while the process
/// does); <c>/readyz</c> runs those tagged "ghstats" and "ready": database reachable, schema current, collection fresh.
/// Healthy and Degraded answer 200, Unhealthy 503 as problem details. Both are anonymous, so each check answers with
/// its own generic description; an exception's text goes to the log, never to the caller.
/// </summary>
internal static partial class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapHealthChecks("/healthz", Options(GhStatsHealthChecks.LiveTag, "alive")).AllowAnonymous().ExcludeFromDescription();
        module.MapHealthChecks("/readyz", Options(GhStatsHealthChecks.ReadyTag, "ready")).AllowAnonymous().ExcludeFromDescription();
    }

    private static HealthCheckOptions Options(string tag, string state) => new()
    {
        Predicate = registration => registration.Tags.Contains(GhStatsHealthChecks.Tag) && registration.Tags.Contains(tag),
        ResponseWriter = (context, report) => WriteAsync(context, report, state),
    };

    private static async Task WriteAsync(HttpContext context, HealthReport report, string state)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints).FullName!);
        var checks = report.Entries.Select(entry =>
        {
            if (entry.Value.Exception is { } exception)
            {
                LogCheckFailed(logger, entry.Key, exception);
            }

            return new CheckResponse(
                entry.Key,
                entry.Value.Status.ToString(),
                entry.Value.Exception is null ? entry.Value.Description : "The check failed; the server's log says why.");
        }).ToList();

        if (report.Status == HealthStatus.Unhealthy)
        {
            var failed = string.Join(", ", checks.Where(c => c.Status == nameof(HealthStatus.Unhealthy)).Select(c => c.Name));
            var text = ApiProblems.Text(context);
            var problem = TypedResults.Problem(
                title: text[state == "ready" ? "TitleNotReady" : "TitleNotAlive"],
                detail: text["ChecksFailed", failed],
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["checks"] = checks });
            await problem.ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new HealthResponse(state, report.Status.ToString(), checks), Json, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check {Check} threw")]
    private static partial void LogCheckFailed(ILogger logger, string check, Exception exception);

    private sealed record HealthResponse(string Status, string Health, IReadOnlyList<CheckResponse> Checks);

    private sealed record CheckResponse(string Name, string Status, string? Description);
}
