using System.Net;
using System.Security.Cryptography;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

/// <summary><c>GET /user</c>, <c>GET /app</c> and classic tokens' <c>X-OAuth-Scopes</c>, as GitHub documents them.</summary>
public sealed class IdentityEndpointTests
{
    [Fact]
    public async Task GetUser_NamesTheTokensUser_AndAClassicTokenItsScopes()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var classic = Octo.WithToken(simulator, simulator.AddClassicToken(["repo", "read:org"], login: "octo-cat"));

        var user = await classic.User.Current();

        user.Login.ShouldBe("octo-cat");
        user.Id.ShouldBeGreaterThan(0);
        classic.GetLastApiInfo().OauthScopes.ShouldBe(["repo", "read:org"]);
        simulator.Stats.Requests(SimulatedEndpoint.User).ShouldBe(1);
    }

    [Fact]
    public async Task AFineGrainedToken_GetsNoScopesHeader()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var token = simulator.AddToken();
        using var http = new HttpClient { BaseAddress = new Uri(simulator.BaseAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v3/user");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", token);

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("X-OAuth-Scopes").ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"login\":\"{simulator.LoginOf(token)}\"");
    }

    [Theory]
    [InlineData("repo", true, true)]
    [InlineData("public_repo", true, false)]
    [InlineData("read:org", false, false)]
    public async Task AClassicTokensScopes_DecideWhereItsUsersPushAccessReaches(string scope, bool readsPublic, bool readsPrivate)
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "public-site", seed: 1);
        simulator.AddRepository("acme", "private-site", seed: 2, r => r.Private = true);
        var client = Octo.WithToken(simulator, simulator.AddClassicToken([scope], canPushTo: "acme/*"));

        (await Outcome(() => client.Repository.Traffic.GetViews("acme", "public-site", Octo.Daily))).ShouldBe(readsPublic ? HttpStatusCode.OK : HttpStatusCode.Forbidden);

        // Without push rights a private repository stays hidden, as on GitHub.
        (await Outcome(() => client.Repository.Traffic.GetViews("acme", "private-site", Octo.Daily))).ShouldBe(readsPrivate ? HttpStatusCode.OK : HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUser_WithAnInstallationToken_IsForbidden()
    {
        using var key = RSA.Create(2048);
        var wall = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddApp(31, key.ExportRSAPrivateKeyPem(), 32);
        var issued = await Octo.WithJwt(simulator, AppJwtFactory.Fresh(31, key, wall.GetUtcNow())).GitHubApps.CreateInstallationToken(32);

        var refused = await Should.ThrowAsync<ForbiddenException>(() => Octo.WithToken(simulator, issued.Token).User.Current());

        refused.Message.ShouldBe("Resource not accessible by integration");
    }

    [Fact]
    public async Task GetApp_WithTheAppsJwt_NamesTheApp_AndWithAToken_IsUnauthorized()
    {
        using var key = RSA.Create(2048);
        var wall = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        var installation = simulator.AddApp(41, key.ExportRSAPrivateKeyPem(), 42);

        var app = await Octo.WithJwt(simulator, AppJwtFactory.Fresh(41, key, wall.GetUtcNow())).GitHubApps.GetCurrent();

        app.Id.ShouldBe(41);
        app.Slug.ShouldBe(installation.AppSlug);
        await Should.ThrowAsync<AuthorizationException>(() => Octo.WithToken(simulator, simulator.AddToken()).GitHubApps.GetCurrent());
    }

    private static async Task<HttpStatusCode> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return HttpStatusCode.OK;
        }
        catch (ApiException exception)
        {
            return exception.StatusCode;
        }
    }
}
