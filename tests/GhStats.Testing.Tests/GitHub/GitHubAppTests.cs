using System.Security.Cryptography;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class GitHubAppTests
{
    private const long AppId = 123456;
    private const long InstallationId = 987;
    private static readonly DateTimeOffset WallStart = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CreateInstallationToken_WithASignedJwt_IssuesATokenThatWorksLikeAPat()
    {
        using var key = RSA.Create(2048);
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        simulator.AddRepository("globex", "other", seed: 4);
        var app = simulator.AddApp(AppId, key.ExportRSAPrivateKeyPem(), InstallationId, "acme/*");
        app.InstallationRateLimit = 12500;

        var issued = await Octo.WithJwt(simulator, AppJwtFactory.Fresh(AppId, key, wall.GetUtcNow())).GitHubApps.CreateInstallationToken(InstallationId);
        var installation = Octo.WithToken(simulator, issued.Token);
        var views = await installation.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);
        var rate = installation.GetLastApiInfo().RateLimit;

        issued.Token.ShouldStartWith("ghs_");
        issued.ExpiresAt.ShouldBe(WallStart.AddHours(1));
        views.Count.ShouldBeGreaterThan(0);
        rate.Limit.ShouldBe(12500);
        rate.Remaining.ShouldBe(12499);
        await Should.ThrowAsync<ForbiddenException>(() => installation.Repository.Traffic.GetViews("globex", "other", Octo.Daily));
        app.TokensIssued.ShouldBe(1);
        app.LastIssuedToken.ShouldBe(issued.Token);
        simulator.Stats.InstallationTokensIssued.ShouldBe(1);
        simulator.Stats.RequestsFor("app:" + AppId).ShouldBe(1);
    }

    [Fact]
    public async Task IssuedToken_ExpiresAfterItsLifetime_AndARefreshIssuesANewOne()
    {
        using var key = RSA.Create(2048);
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var app = simulator.AddApp(AppId, key.ExportPkcs8PrivateKeyPem(), InstallationId, "*");
        app.TokenLifetime = TimeSpan.FromMinutes(10);

        var first = await Octo.WithJwt(simulator, AppJwtFactory.Fresh(AppId, key, wall.GetUtcNow())).GitHubApps.CreateInstallationToken(InstallationId);
        wall.Advance(TimeSpan.FromMinutes(11));
        await Should.ThrowAsync<AuthorizationException>(() => Octo.WithToken(simulator, first.Token).Repository.Get("acme", "rocket"));
        var second = await Octo.WithJwt(simulator, AppJwtFactory.Fresh(AppId, key, wall.GetUtcNow())).GitHubApps.CreateInstallationToken(InstallationId);
        var repository = await Octo.WithToken(simulator, second.Token).Repository.Get("acme", "rocket");

        first.ExpiresAt.ShouldBe(WallStart.AddMinutes(10));
        second.Token.ShouldNotBe(first.Token);
        repository.Name.ShouldBe("rocket");
        app.TokensIssued.ShouldBe(2);
    }

    [Fact]
    public async Task JwtSignedWithAnotherKey_IsUnauthorized()
    {
        using var key = RSA.Create(2048);
        using var impostor = RSA.Create(2048);
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddApp(AppId, key.ExportRSAPrivateKeyPem(), InstallationId, "*");

        var ex = await Should.ThrowAsync<AuthorizationException>(
            () => Octo.WithJwt(simulator, AppJwtFactory.Fresh(AppId, impostor, wall.GetUtcNow())).GitHubApps.CreateInstallationToken(InstallationId));

        ex.Message.ShouldBe("A JSON web token could not be decoded");
        simulator.Stats.InstallationTokensIssued.ShouldBe(0);
    }

    [Fact]
    public async Task ExpiredOrTooLongLivedJwt_IsUnauthorized()
    {
        using var key = RSA.Create(2048);
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddApp(AppId, key.ExportRSAPublicKeyPem(), InstallationId, "*");
        var now = wall.GetUtcNow();

        var expired = await Should.ThrowAsync<AuthorizationException>(() =>
            Octo.WithJwt(simulator, AppJwtFactory.Create(AppId, key, now.AddMinutes(-11), now.AddMinutes(-1))).GitHubApps.CreateInstallationToken(InstallationId));
        var tooLong = await Should.ThrowAsync<AuthorizationException>(() =>
            Octo.WithJwt(simulator, AppJwtFactory.Create(AppId, key, now, now.AddMinutes(11))).GitHubApps.CreateInstallationToken(InstallationId));
        var wrongApp = await Should.ThrowAsync<AuthorizationException>(() =>
            Octo.WithJwt(simulator, AppJwtFactory.Fresh(AppId + 1, key, now)).GitHubApps.CreateInstallationToken(InstallationId));
        var valid = await Octo.WithJwt(simulator, AppJwtFactory.Create(AppId, key, now, now.AddMinutes(10))).GitHubApps.CreateInstallationToken(InstallationId);

        expired.Message.ShouldContain("'exp'");
        tooLong.Message.ShouldContain("too far in the future");
        wrongApp.Message.ShouldContain("'iss'");
        valid.Token.ShouldStartWith("ghs_");
    }

    [Fact]
    public async Task UnknownInstallation_IsNotFound()
    {
        using var key = RSA.Create(2048);
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddApp(AppId, key.ExportRSAPrivateKeyPem(), InstallationId, "*");

        await Should.ThrowAsync<NotFoundException>(() =>
            Octo.WithJwt(simulator, AppJwtFactory.Fresh(AppId, key, wall.GetUtcNow())).GitHubApps.CreateInstallationToken(InstallationId + 1));
    }

    [Fact]
    public async Task APersonalToken_CannotCreateInstallationTokens()
    {
        using var key = RSA.Create(2048);
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddApp(AppId, key.ExportRSAPrivateKeyPem(), InstallationId, "*");

        await Should.ThrowAsync<AuthorizationException>(() =>
            Octo.WithToken(simulator, simulator.AddToken()).GitHubApps.CreateInstallationToken(InstallationId));
    }
}
