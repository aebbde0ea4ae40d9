using System.Globalization;
using GhStats.Administration;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Identity;
using GhStats.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace GhStats.Web.Api;

/// <summary>
/// <c>POST /collect</c>: an external scheduler sends the cron secret (<c>Authorization: Bearer</c>, or
/// <c>{"token": ...}</c> for IBM Code Engine ping subscriptions); a signed-in maintainer or admin needs none.
/// Answers 202 with the run, which is the run already going if there is one; with <c>?wait=seconds</c> it answers once the
/// run has ended (200) or the wait is over (202). A web replica without a collector queues the run for a worker when
/// <see cref="GhStatsCronOptions.QueueForWorker"/> is set.
/// </summary>
internal static partial class CollectEndpoints
{
    private const string HowToSetASecret =
        "Set GhStats:Cron:Secret (environment variable GhStats__Cron__Secret) to at least 32 random characters, e.g. the output of 'openssl rand -base64 32'.";

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/collect", CollectAsync).WithName("Collect").AllowAnonymous()
            .Accepts<CollectRequest>(isOptional: true, "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // wait is read in the handler (see CollectAsync), so the generator cannot see it.
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "wait",
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = "Seconds to wait for the run to end before answering, from 0 to GhStats:Cron:MaxWait.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                });
                return Task.CompletedTask;
            })
            .Produces<RunResponse>(StatusCodes.Status200OK)
            .Produces<RunResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> CollectAsync(
        HttpContext http, IOptionsMonitor<GhStatsCronOptions> cron, CallerResolver callers, ITenantStore tenants, ICollectionRunStore runs,
        TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CollectEndpoints).FullName!);
        var maxWait = cron.CurrentValue.MaxWait;

        // Read here, not bound as int?: a binding failure happens before the API's filters and, where the host throws on bad
        // requests (Development), would answer 500 instead of this problem.
        int? wait = null;
        var waitText = http.Request.Query["wait"].ToString();
        if (!string.IsNullOrEmpty(waitText))
        {
            wait = int.TryParse(waitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        }

        if (wait is { } seconds && (seconds < 0 || TimeSpan.FromSeconds(seconds) > maxWait))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "WaitInvalid", (int)maxWait.TotalSeconds) { TitleKey = "TitleBadWait" };
        }

        var request = HasBody(http.Request) ? await ApiBody.ReadAsync<CollectRequest>(http) : new CollectRequest(null, null);
        var bearer = BearerToken.From(http.Request);
        var secret = bearer is not null && !ApiTokenFormat.LooksLikeToken(bearer) ? bearer : request.Token;

        CollectionRequest collection;
        if (secret is not null)
        {
            var configured = cron.CurrentValue.Secret;
            if (string.IsNullOrWhiteSpace(configured))
            {
                LogNoSecretConfigured(logger, HowToSetASecret);
                return ApiProblems.Result(http, new ApiProblemException(StatusCodes.Status403Forbidden, "NoCronSecret") { TitleKey = "TitleNoCronSecret" });
            }

            if (!CronSecret.Matches(configured, secret))
            {
                LogWrongSecret(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return ApiProblems.Result(http, new ApiProblemException(StatusCodes.Status401Unauthorized, "WrongCronSecret") { TitleKey = "TitleWrongCronSecret" });
            }

            collection = new CollectionRequest(CollectionTrigger.Cron, "cron", await TenantIdAsync(request.Tenant, tenants, http));
        }
        else
        {
            var caller = await SignedInCallerAsync(http, callers);
            if (caller is null)
            {
                LogNoSecret(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                throw new ApiProblemException(StatusCodes.Status401Unauthorized, "CollectNotSignedIn");
            }

            if (!caller.IsMaintainer)
            {
                LogNotMaintainer(logger, caller.User.Id);
                throw new ApiProblemException(StatusCodes.Status403Forbidden, "CollectMaintainersOnly");
            }

            await ApiAntiforgeryFilter.EnsureValidAsync(http);

            collection = new CollectionRequest(CollectionTrigger.Manual, caller.User.Email ?? $"user {caller.User.Id}", await TenantIdAsync(request.Tenant, tenants, http));
        }

        CollectionRun run;
        if (cron.CurrentValue.QueueForWorker)
        {
            run = await runs.QueueAsync(collection.Trigger, collection.RequestedBy, collection.TenantId, http.RequestAborted);
        }
        else
        {
            var collector = http.RequestServices.GetService<ICollectionService>()
                ?? throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "NoCollector") { TitleKey = "TitleNoCollector" };
            try
            {
                run = await collector.StartAsync(collection, http.RequestAborted);
            }
            catch (CollectionBusyException busy)
            {
                LogBusy(logger, collection.Trigger);
                throw ApiProblemException.FromText(StatusCodes.Status409Conflict, busy.Message, "TitleCollectionBusy");
            }
        }

        LogAccepted(logger, run.Id, collection.Trigger, collection.TenantId);
        await RecordAsync(http, collection, run);
        if (wait is > 0)
        {
            run = await WaitForEndAsync(run, TimeSpan.FromSeconds(wait.Value), runs, clock, http.RequestAborted);
        }

        var location = $"{http.Request.PathBase}{RunsPath(http)}/{run.Id}";
        return run.Status is CollectionRunStatus.Running or CollectionRunStatus.Queued
            ? TypedResults.Accepted(location, run.ToResponse())
            : TypedResults.Ok(run.ToResponse());
    }

    /// <summary>Reads the run every second until it has ended or the wait is over; the run may go on in any process.</summary>
    private static async Task<CollectionRun> WaitForEndAsync(CollectionRun run, TimeSpan wait, ICollectionRunStore runs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + wait;
        while (run.Status is CollectionRunStatus.Running or CollectionRunStatus.Queued)
        {
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(left < PollEvery ? left : PollEvery, clock, cancellationToken);
            run = await runs.FindAsync(run.Id, cancellationToken) ?? run;
        }

        return run;
    }

    /// <summary>Every accepted request is recorded, also one answered with the run already going: someone asked for a collection.</summary>
    private static Task RecordAsync(HttpContext http, CollectionRequest collection, CollectionRun run)
    {
        var trail = AuditTrail.Of(http);
        var details = $"trigger={WireNames.Of(collection.Trigger)} status={WireNames.Of(run.Status)}";
        return collection.Trigger == CollectionTrigger.Cron
            ? trail.RecordAsync(AuditActor.Cron, AuditActions.CollectionStarted, collection.TenantId, AuditTargets.Run(run), details)
            : trail.RecordAsync(AuditActions.CollectionStarted, collection.TenantId, AuditTargets.Run(run), details);
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    private static string RunsPath(HttpContext http) => http.Request.Path.Value![..^"/collect".Length] + "/runs";

    private static async Task<long?> TenantIdAsync(string? slug, ITenantStore tenants, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return null;
        }

        var tenant = await tenants.FindBySlugAsync(slug.Trim(), http.RequestAborted) ?? throw new GhStatsNotFoundException("tenant", slug);
        return tenant.Id;
    }

    /// <summary>The endpoint admits anonymous schedulers, so a session or token is read here rather than by the authorization middleware.</summary>
    private static async Task<GhStatsCaller?> SignedInCallerAsync(HttpContext http, CallerResolver callers)
    {
        var result = await http.AuthenticateAsync(GhStatsAuthenticationSchemes.Default);
        if (!result.Succeeded)
        {
            return null;
        }

        http.User = result.Principal;
        return await callers.ResolveAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduler called the cron endpoint, but no cron secret is configured, so it was refused. {HowTo}")]
    private static partial void LogNoSecretConfigured(ILogger logger, string howTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cron endpoint was called from {Remote} with a wrong secret")]
    private static partial void LogWrongSecret(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cron endpoint was called from {Remote} without a secret or a sign-in, so it was refused")]
    private static partial void LogNoSecret(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization denied: user {UserId} does not meet GhStats.Maintainer for starting a collection")]
    private static partial void LogNotMaintainer(ILogger logger, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Trigger} collection was refused: another run is starting or running")]
    private static partial void LogBusy(ILogger logger, CollectionTrigger trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} accepted ({Trigger}, tenant {TenantId})")]
    private static partial void LogAccepted(ILogger logger, long runId, CollectionTrigger trigger, long? tenantId);
}
