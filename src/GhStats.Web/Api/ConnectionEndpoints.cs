using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Web.Api;

/// <summary><c>/tenants/{tenant}/connections</c>: GitHub tokens and Apps of a tenant, for its owners; secrets go in, never out.</summary>
internal static class ConnectionEndpoints
{
    private const string GitHubApi = "https://api.github.com";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenant}/connections", ListAsync).WithName("ListConnections")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tenants/{tenant}/connections", AddAsync).WithName("CreateConnection")
            .Accepts<CreateConnectionRequest>("application/json").Produces<ConnectionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/tenants/{tenant}/connections/{id:long}", DeleteAsync).WithName("DeleteConnection")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tenants/{tenant}/connections/{id:long}/test", TestAsync).WithName("TestConnection")
            .WithSummary("Asks GitHub what the connection can do: reachable, credentials accepted, identity, scopes, rate limit, and whether it can read the traffic of a repository tracked through it; findings say what it lacks.")
            .Produces<ConnectionCheckResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Ok<List<ConnectionResponse>>> ListAsync(string tenant, HttpContext http, ApiAccess access, IConnectionStore connections)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var list = await connections.ListAsync(found.Id, http.RequestAborted);
        return TypedResults.Ok(list.Select(c => c.ToResponse()).ToList());
    }

    private static async Task<IResult> AddAsync(
        string tenant, HttpContext http, ApiAccess access, IConnectionStore connections, ISecretProtector protector, GitHubApiHostPolicy hosts)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var request = await ApiBody.ReadAsync<CreateConnectionRequest>(http);
        var connection = await connections.AddAsync(Validate(found.Id, request, protector, hosts), http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.ConnectionCreated, found.Id, AuditTargets.Connection(connection), $"kind={WireNames.Of(connection.Kind)} apiBaseUrl={connection.ApiBaseUrl}");
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{connection.Id}", connection.ToResponse());
    }

    private static async Task<NoContent> DeleteAsync(string tenant, long id, HttpContext http, ApiAccess access, IConnectionStore connections)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        await connections.DeleteAsync(found.Id, id, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.ConnectionDeleted, found.Id, AuditTargets.Connection(id));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ConnectionCheckResponse>> TestAsync(
        string tenant, long id, HttpContext http, ApiAccess access, IConnectionStore connections, IRepositoryStore repositories)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var connection = await connections.GetAsync(found.Id, id, http.RequestAborted);
        var check = http.RequestServices.GetService<IGitHubConnectionCheck>()
            ?? throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "NoCollectorToTest") { TitleKey = "TitleNoCollector" };

        // The collector reads a repository that names no connection through the tenant's first one, so those count for it too.
        var all = await connections.ListAsync(found.Id, http.RequestAborted);
        var first = all.Count > 0 ? all[0] : null;
        var tracked = await repositories.ListAsync(found.Id, cancellationToken: http.RequestAborted);
        var toTry = tracked.Where(r => r.ConnectionId == connection.Id)
            .Concat(tracked.Where(r => r.ConnectionId is null && first?.Id == connection.Id))
            .Select(r => r.FullName)
            .ToList();
        var result = await check.CheckAsync(connection, toTry, http.RequestAborted);
        return TypedResults.Ok(result.ToResponse(connection.Id));
    }

    private static NewGitHubConnection Validate(long tenantId, CreateConnectionRequest request, ISecretProtector protector, GitHubApiHostPolicy hosts)
    {
        var kind = WireNames.ConnectionKindFrom(request.Kind ?? "pat") ?? throw ApiProblems.Invalid("ConnectionKindInvalid", request.Kind);
        var name = string.IsNullOrWhiteSpace(request.Name) ? (kind == GitHubConnectionKind.App ? "GitHub App" : "GitHub token") : request.Name.Trim();
        var apiBaseUrl = string.IsNullOrWhiteSpace(request.ApiBaseUrl) ? GitHubApi : request.ApiBaseUrl.Trim().TrimEnd('/');
        if (!Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.UserInfo))
        {
            throw ApiProblems.Invalid("ApiBaseUrlInvalid", GitHubApi, request.ApiBaseUrl);
        }

        // The operator decides which hosts the server calls; a tenant's Owner cannot point it at the operator's network.
        if (hosts.RefusalOf(baseUri) is { } refusal)
        {
            throw ApiProblems.InvalidUntranslated($"apiBaseUrl: {refusal}");
        }

        if (kind == GitHubConnectionKind.PersonalAccessToken)
        {
            var token = request.Token?.Trim();
            if (string.IsNullOrEmpty(token) || token.Length > 1000 || token.AsSpan().IndexOfAny(" \r\n\t") >= 0)
            {
                throw ApiProblems.Invalid("PatTokenRequired");
            }

            return new NewGitHubConnection(tenantId, name, kind, apiBaseUrl, protector.Protect(token));
        }

        var key = request.PrivateKey?.Trim();
        if (request.AppId is not > 0 || request.InstallationId is not > 0)
        {
            throw ApiProblems.Invalid("AppIdsRequired");
        }

        if (string.IsNullOrEmpty(key) || !key.StartsWith("-----BEGIN", StringComparison.Ordinal) || key.Length > 16_000)
        {
            throw ApiProblems.Invalid("PrivateKeyRequired");
        }

        return new NewGitHubConnection(tenantId, name, kind, apiBaseUrl, protector.Protect(key), request.AppId, request.InstallationId);
    }
}
