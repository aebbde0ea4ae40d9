using System.Net;
using GhStats.Testing.GitHub;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task MissingOrUnknownToken_IsBadCredentials()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);

        var anonymous = await Should.ThrowAsync<AuthorizationException>(() => Octo.Anonymous(simulator).Repository.Get("acme", "rocket"));
        var unknown = await Should.ThrowAsync<AuthorizationException>(() => Octo.WithToken(simulator, "ghp_made_up").Repository.Get("acme", "rocket"));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Message.ShouldBe("Bad credentials");
        unknown.Message.ShouldBe("Bad credentials");
        simulator.Stats.Unauthorized.ShouldBe(2);
    }

    [Fact]
    public async Task RevokedToken_WorksUntilRevoked_ThenIsBadCredentials()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken();
        var client = Octo.WithToken(simulator, token);

        (await client.Repository.Get("acme", "rocket")).Name.ShouldBe("rocket");
        simulator.RevokeToken(token);

        await Should.ThrowAsync<AuthorizationException>(() => client.Repository.Get("acme", "rocket"));
    }

    [Fact]
    public async Task Octokit_SendsItsTokenWithTheTokenScheme_AndItsJwtWithBearer()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken());

        await client.Repository.Get("acme", "rocket");
        await Should.ThrowAsync<AuthorizationException>(() => Octo.WithJwt(simulator, "not.a.jwt").GitHubApps.CreateInstallationToken(1));

        // Octokit 14: Credentials(token) sends "Authorization: Token <token>"; AuthenticationType.Bearer sends "Bearer <jwt>".
        simulator.Stats.AuthorizationSchemes.ShouldBe(new Dictionary<string, long> { ["Token"] = 1, ["Bearer"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Traffic_WithoutPushAccess_IsForbidden_WithGitHubsMessage()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        simulator.AddRepository("acme", "other", seed: 4);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "acme/other"));

        var views = await Should.ThrowAsync<ForbiddenException>(() => client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily));
        await Should.ThrowAsync<ForbiddenException>(() => client.Repository.Traffic.GetClones("acme", "rocket", Octo.Daily));
        await Should.ThrowAsync<ForbiddenException>(() => client.Repository.Traffic.GetAllReferrers("acme", "rocket"));
        await Should.ThrowAsync<ForbiddenException>(() => client.Repository.Traffic.GetAllPaths("acme", "rocket"));
        var allowed = await client.Repository.Traffic.GetViews("acme", "other", Octo.Daily);

        views.ShouldNotBeAssignableTo<RateLimitExceededException>();
        views.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        views.Message.ShouldBe("Must have push access to repository");
        allowed.Count.ShouldBeGreaterThan(0);
        simulator.Stats.Forbidden.ShouldBe(4);
    }

    [Fact]
    public async Task OwnerWildcard_GrantsPushToEveryRepositoryOfThatOwnerOnly()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "one", seed: 1);
        simulator.AddRepository("acme", "two", seed: 2);
        simulator.AddRepository("globex", "three", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(null, 5000, "ACME/*"));

        await client.Repository.Traffic.GetViews("acme", "one", Octo.Daily);
        await client.Repository.Traffic.GetViews("acme", "two", Octo.Daily);

        await Should.ThrowAsync<ForbiddenException>(() => client.Repository.Traffic.GetViews("globex", "three", Octo.Daily));
    }
}
