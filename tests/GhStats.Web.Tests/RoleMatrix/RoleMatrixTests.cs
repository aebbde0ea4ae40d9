using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.RoleMatrix;

/// <summary>
/// Every API route, as every kind of caller, on a resource of tenant A and of tenant B: the status the caller's roles
/// allow, and never a byte of a tenant the caller has no right to. Another tenant's resources answer 404; a visible
/// tenant where the role is too weak answers 403; nobody signed in answers 401.
/// </summary>
public abstract class RoleMatrixTests(MatrixWorld world)
{
    /// <summary>The expected status per route and caller: for anonymous once, then for a resource of tenant A and of tenant B.</summary>
    private static readonly IReadOnlyList<RouteExpectation> Expectations =
    [
        //                                                anon  admin     maintainer  owner of A  viewer of A  grant in A  owner of B
        new("GET /me",                                    401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("GET /me/tokens",                             401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("PUT /me/language",                           401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("POST /me/tokens",                            401, [403, 403, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("DELETE /me/tokens/{id}",                     401, [204, 404, 204, 404,   204, 404,   204, 404,    204, 404,   204, 404]),
        new("GET /tenants",                               401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("POST /tenants",                              401, [201, 201, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /tenants/{tenant}",                      401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("PUT /tenants/{tenant}",                      401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("DELETE /tenants/{tenant}",                   401, [204, 204, 404, 404,   403, 404,   403, 404,    403, 404,   404, 403]),
        new("GET /tenants/{tenant}/members",              401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("PUT /tenants/{tenant}/members/{email}",      401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("DELETE /tenants/{tenant}/members/{email}",   401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        new("GET /tenants/{tenant}/connections",          401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("POST /tenants/{tenant}/connections",         401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("DELETE /tenants/{tenant}/connections/{id}",  401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        new("POST /tenants/{tenant}/connections/{id}/test", 401, [200, 200, 404, 404,  200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /tenants/{tenant}/collection-plan",      401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /tenants/{tenant}/owners",               401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("POST /tenants/{tenant}/owners",              401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("DELETE /tenants/{tenant}/owners/{id}",       401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        new("GET /tenants/{tenant}/channels",             401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("POST /tenants/{tenant}/channels",            401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("DELETE /tenants/{tenant}/channels/{id}",     401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        // Without AddNotifications() in the world's host, a caller who may test gets 501 (nothing to send with), after the access check.
        new("POST /tenants/{tenant}/channels/{id}/test",  401, [501, 501, 404, 404,   501, 404,   403, 404,    403, 404,   404, 501]),
        new("GET /tenants/{tenant}/channels/{id}/deliveries", 401, [200, 200, 404, 404, 200, 404,  403, 404,    403, 404,   404, 200]),
        new("GET /tenants/{tenant}/deliveries",           401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /me/subscriptions",                      401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("PUT /me/subscriptions/{tenant}",             401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos",                                 401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("GET /repos?tenant=",                         401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("POST /repos",                                401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("GET /repos/{id}",                            401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("DELETE /repos/{id}",                         401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        new("PUT /repos/{id}/badges",                     401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /repos/{id}/traffic",                    401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/referrers",                  401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/paths",                      401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/stats",                      401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/star-history",               401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/releases",                   401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/downloads",                  401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/downloads.csv",              401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /horizon",                               401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("GET /tenants/{tenant}/dashboards",           401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("POST /tenants/{tenant}/dashboards",          401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("GET /tenants/{tenant}/dashboards/{id}",      401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("PUT /tenants/{tenant}/dashboards/{id}",      401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("PUT /tenants/{tenant}/dashboards/{id}/published", 401, [200, 200, 404, 404, 200, 404, 403, 404,  403, 404,   404, 200]),
        new("DELETE /tenants/{tenant}/dashboards/{id}",   401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        new("GET /repos/{id}/annotations",                401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/annotations.csv",            401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("POST /repos/{id}/annotations",               401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("GET /tenants/{tenant}/annotations",          401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("POST /tenants/{tenant}/annotations",         401, [201, 201, 404, 404,   201, 404,   403, 404,    403, 404,   404, 201]),
        new("DELETE /tenants/{tenant}/annotations/{id}",  401, [204, 204, 404, 404,   204, 404,   403, 404,    403, 404,   404, 204]),
        new("GET /traffic/summary",                       401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("GET /traffic/summary?tenant=",               401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /traffic/compare",                       401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /traffic/tenant",                        401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/traffic.csv",                401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/referrers.csv",              401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /repos/{id}/paths.csv",                  401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("GET /traffic.csv",                           401, [200, 200, 200, 200,   200, 200,   200, 200,    200, 200,   200, 200]),
        new("GET /traffic.csv?tenant=",                   401, [200, 200, 404, 404,   200, 404,   200, 404,    200, 404,   404, 200]),
        new("POST /collect",                              401, [202, 202, 202, 202,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /runs",                                  401, [200, 200, 200, 200,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /runs/{id}",                             401, [200, 200, 200, 200,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /tenants/{tenant}/transfers",            401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /tenants/{tenant}/transfers/{id}",       401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /tenants/{tenant}/import-sources",       401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("POST /tenants/{tenant}/imports",             401, [202, 202, 404, 404,   202, 404,   403, 404,    403, 404,   404, 202]),
        new("POST /tenants/{tenant}/restore",             401, [202, 202, 404, 404,   202, 404,   403, 404,    403, 404,   404, 202]),
        new("GET /tenants/{tenant}/export",               401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /export",                                401, [200, 200, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("POST /restore",                              401, [202, 202, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /transfers",                             401, [200, 200, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /transfers/{id}",                        401, [200, 200, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /audit",                                 401, [200, 200, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /audit.csv",                             401, [200, 200, 403, 403,   403, 403,   403, 403,    403, 403,   403, 403]),
        new("GET /tenants/{tenant}/audit",                401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
        new("GET /tenants/{tenant}/audit.csv",            401, [200, 200, 404, 404,   200, 404,   403, 404,    403, 404,   404, 200]),
    ];

    public static TheoryData<string, MatrixCaller, MatrixScope, int> Cases()
    {
        var cases = new TheoryData<string, MatrixCaller, MatrixScope, int>();
        foreach (var expectation in Expectations)
        {
            foreach (var caller in Enum.GetValues<MatrixCaller>())
            {
                foreach (var scope in Enum.GetValues<MatrixScope>())
                {
                    cases.Add(expectation.Route, caller, scope, expectation.StatusFor(caller, scope));
                }
            }
        }

        return cases;
    }

    [Fact]
    public void TheTable_CoversEveryRouteOfTheApi()
    {
        Expectations.Select(e => e.Route).ShouldBe(MatrixRoutes.Names, ignoreOrder: true);
        Expectations.ShouldAllBe(e => e.ForAAndB.Count == 12);

        // Every route the running app maps under /api/v1 is in the table: a new route cannot skip the matrix.
        var mapped = world.App.Get<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                $"{method} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText![(e.RoutePattern.RawText!.IndexOf("/api/v1/", StringComparison.Ordinal) + 7)..], "{([a-zA-Z]+):[^}]+}", "{$1}")}"))
            .Distinct()
            .ToList();
        mapped.Except(MatrixRoutes.Names).ShouldBeEmpty("routes the role matrix does not check");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryRoute_AnswersWhatTheCallersRolesAllow_AndNoOtherTenantsData(string route, MatrixCaller caller, MatrixScope scope, int expected)
    {
        using var request = await MatrixRoutes.BuildAsync(route, world, caller, scope);
        var sent = request.RequestUri + " " + (request.Content is null ? "" : await request.Content.ReadAsStringAsync());

        using var response = await world.CallerFor(caller).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(expected, $"{route} as {caller} on {scope}: {body}");
        ShouldHaveTheContentTypeOf(route, response);
        var leaked = TenantMarkers.ForbiddenTo(caller)
            .Where(marker => body.Contains(marker, StringComparison.OrdinalIgnoreCase) && !sent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            .ToList();
        leaked.ShouldBeEmpty($"{route} as {caller} on {scope} answered data it has no right to: {body}");
    }

    [Fact]
    public async Task TheMarkers_ShowWhereTheCallerHasTheRight()
    {
        // The leak check above looks for these strings; here they must be found, or it would prove nothing.
        var adminRepositories = await Text(MatrixCaller.Admin, "api/v1/repos");
        foreach (var marker in new[] { TenantMarkers.AGrantedRepository, TenantMarkers.AHiddenRepository, TenantMarkers.BRepository, TenantMarkers.ASlug, TenantMarkers.BSlug })
        {
            adminRepositories.ShouldContain(marker);
        }

        (await Text(MatrixCaller.ViewerOfA, $"api/v1/repos/{world.HiddenRepository.Id}/referrers")).ShouldContain(TenantMarkers.AHiddenReferrer);
        (await Text(MatrixCaller.ViewerOfA, "api/v1/traffic/summary")).ShouldContain(TenantMarkers.AHiddenRepository);
        (await Text(MatrixCaller.OwnerOfA, $"api/v1/tenants/{TenantMarkers.ASlug}/connections")).ShouldContain(TenantMarkers.AConnection);
        (await Text(MatrixCaller.OwnerOfA, $"api/v1/tenants/{TenantMarkers.ASlug}/owners")).ShouldContain(TenantMarkers.ATrackedOwnerPattern);
        (await Text(MatrixCaller.OwnerOfB, $"api/v1/tenants/{TenantMarkers.BSlug}/owners")).ShouldContain(TenantMarkers.BTrackedOwner);
        (await Text(MatrixCaller.OwnerOfA, $"api/v1/tenants/{TenantMarkers.ASlug}/channels")).ShouldContain(TenantMarkers.AChannel);
        (await Text(MatrixCaller.OwnerOfB, $"api/v1/tenants/{TenantMarkers.BSlug}/deliveries")).ShouldContain(TenantMarkers.BChannel);
        (await Text(MatrixCaller.OwnerOfB, $"api/v1/repos/{world.RepositoryOfB.Id}/paths.csv")).ShouldContain(TenantMarkers.BTitle);
        (await Text(MatrixCaller.OwnerOfB, "api/v1/traffic.csv")).ShouldContain(TenantMarkers.BRepository);

        var granted = await Text(MatrixCaller.GrantHolderInA, "api/v1/me");
        granted.ShouldContain(TenantMarkers.AName);
        (await Text(MatrixCaller.GrantHolderInA, "api/v1/traffic/summary")).ShouldContain(TenantMarkers.AGrantedRepository);
        (await Text(MatrixCaller.GrantHolderInA, $"api/v1/repos/{world.GrantedRepository.Id}/paths")).ShouldContain(TenantMarkers.AGrantedTitle);
    }

    [Theory]
    [InlineData("api/v1/repos/{0}")]
    [InlineData("api/v1/repos/{0}/traffic")]
    [InlineData("api/v1/repos/{0}/referrers")]
    [InlineData("api/v1/repos/{0}/paths")]
    [InlineData("api/v1/repos/{0}/stats")]
    [InlineData("api/v1/repos/{0}/traffic.csv")]
    [InlineData("api/v1/repos/{0}/referrers.csv")]
    [InlineData("api/v1/repos/{0}/paths.csv")]
    public async Task AGrantToOneRepository_LeavesTheTenantsOtherRepositoriesUnknown(string path)
    {
        using var response = await world.CallerFor(MatrixCaller.GrantHolderInA).GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, world.HiddenRepository.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(TenantMarkers.AHiddenRepository);
    }

    [Fact]
    public async Task AGrantHolder_ListsOnlyGrantedRepositories()
    {
        var repositories = JsonDocument.Parse(await Text(MatrixCaller.GrantHolderInA, $"api/v1/repos?tenant={TenantMarkers.ASlug}")).RootElement;

        repositories.EnumerateArray().Select(r => r.GetProperty("owner").GetString()).ShouldAllBe(owner => owner == TenantMarkers.AGrantedOwner);
        repositories.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldContain(world.GrantedRepository.Id);
    }

    [Theory]
    [InlineData("api/v1/traffic/summary?tenant=" + TenantMarkers.ASlug)]
    [InlineData("api/v1/traffic/summary")]
    [InlineData("api/v1/repos?tenant=" + TenantMarkers.ASlug)]
    [InlineData("api/v1/traffic.csv")]
    public async Task AnAnswerForAMember_IsNeverReplayedToACallerWithFewerRights(string path)
    {
        // Asked in this order on purpose: whatever the first answer left behind (a cache, a buffer) must not reach the next caller.
        (await Text(MatrixCaller.ViewerOfA, path)).ShouldContain(TenantMarkers.AHiddenRepository);
        var grantHolders = await Text(MatrixCaller.GrantHolderInA, path);
        (await Text(MatrixCaller.Admin, path.Replace("?tenant=" + TenantMarkers.ASlug, "", StringComparison.Ordinal))).ShouldContain(TenantMarkers.BRepository);
        var owners = await Text(MatrixCaller.OwnerOfB, path.Replace("?tenant=" + TenantMarkers.ASlug, "", StringComparison.Ordinal));

        grantHolders.ShouldContain(TenantMarkers.AGrantedRepository);
        grantHolders.ShouldNotContain(TenantMarkers.AHiddenRepository);
        owners.ShouldNotContain(TenantMarkers.AGrantedRepository);
        owners.ShouldNotContain(TenantMarkers.AHiddenRepository);
    }

    private static void ShouldHaveTheContentTypeOf(string route, HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            mediaType.ShouldBeNull();
        }
        else if ((int)response.StatusCode >= 400)
        {
            mediaType.ShouldBe("application/problem+json", route);
        }
        else
        {
            mediaType.ShouldBe(
                route.Contains(".csv", StringComparison.Ordinal) ? "text/csv" : route.EndsWith("/export", StringComparison.Ordinal) ? "application/zip" : "application/json", route);
        }
    }

    private async Task<string> Text(MatrixCaller caller, string path)
    {
        using var response = await world.CallerFor(caller).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
        return body;
    }

    /// <summary>A route's expected statuses: anonymous, then (A, B) for admin, maintainer, owner of A, viewer of A, grant holder in A, owner of B.</summary>
    private sealed record RouteExpectation(string Route, int Anonymous, IReadOnlyList<int> ForAAndB)
    {
        public int StatusFor(MatrixCaller caller, MatrixScope scope) => caller == MatrixCaller.Anonymous
            ? Anonymous
            : ForAAndB[(2 * ((int)caller - 1)) + (scope == MatrixScope.TenantA ? 0 : 1)];
    }
}

/// <summary>The matrix with roles read from the database on every request.</summary>
public sealed class RoleMatrixWithoutAccessCacheTests(MatrixWorld world) : RoleMatrixTests(world), IClassFixture<MatrixWorld>;

/// <summary>The matrix with the access cache on: a remembered token or role must never answer for another caller.</summary>
public sealed class RoleMatrixWithAccessCacheTests(CachedMatrixWorld world) : RoleMatrixTests(world), IClassFixture<CachedMatrixWorld>
{
    [Fact]
    public void TheWorld_RunsWithTheAccessCacheOn() =>
        world.App.Get<Microsoft.Extensions.Options.IOptions<GhStatsApiOptions>>().Value.AccessCacheLifetime.ShouldBe(TimeSpan.FromMinutes(5));
}
