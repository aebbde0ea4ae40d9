using System.Net;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class RateLimitTests
{
    private static readonly DateTimeOffset WallStart = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryAnswer_CarriesTheTokensRateLimitHeaders()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(null, 1000, "*"));

        await client.Repository.Get("acme", "rocket");
        var first = client.GetLastApiInfo().RateLimit;
        await Should.ThrowAsync<NotFoundException>(() => client.Repository.Get("acme", "missing"));
        var afterError = client.GetLastApiInfo().RateLimit;

        first.Limit.ShouldBe(1000);
        first.Remaining.ShouldBe(999);
        first.Reset.ShouldBe(WallStart.AddHours(1));
        afterError.Remaining.ShouldBe(998, "an error answer spends quota too");
        afterError.Reset.ShouldBe(first.Reset);
    }

    [Fact]
    public async Task ExhaustedPrimaryLimit_IsRateLimitExceeded_WithoutRetryAfter_UntilTheWindowResets()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
        {
            WallClock = wall,
            PrimaryResetAfter = TimeSpan.FromSeconds(2),
        });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 3, "*");
        var client = Octo.WithToken(simulator, token);

        for (var i = 0; i < 3; i++)
        {
            await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);
        }

        var ex = await Should.ThrowAsync<RateLimitExceededException>(() => client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily));
        wall.Advance(TimeSpan.FromSeconds(2));
        await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);

        ex.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ex.Message.ShouldStartWith("API rate limit exceeded for user ID ");
        ex.Limit.ShouldBe(3);
        ex.Remaining.ShouldBe(0);
        ex.Reset.ShouldBe(WallStart.AddSeconds(2));
        ex.HttpResponse.Headers.Keys.ShouldNotContain("Retry-After");
        client.GetLastApiInfo().RateLimit.Remaining.ShouldBe(2, "a new window started");
        simulator.Stats.PrimaryLimitHits.ShouldBe(1);
        simulator.Stats.RequestsFor(token).ShouldBe(5);
    }

    [Fact]
    public async Task RateLimitEndpoint_ReportsTheCoreLimit_WithoutSpendingIt()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(null, 200, "*"));
        await client.Repository.Get("acme", "rocket");

        var limits = await client.RateLimit.GetRateLimits();
        var again = await client.RateLimit.GetRateLimits();

        limits.Resources.Core.Limit.ShouldBe(200);
        limits.Resources.Core.Remaining.ShouldBe(199);
        again.Resources.Core.Remaining.ShouldBe(199);
        limits.Rate.Remaining.ShouldBe(199);
        simulator.Stats.Requests(SimulatedEndpoint.RateLimit).ShouldBe(2);
    }

    [Fact]
    public async Task TooManyRequestsInAMinute_IsASecondaryLimit_WithRetryAfter()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
        {
            WallClock = wall,
            SecondaryLimitPerMinute = 5,
            SecondaryRetryAfterSeconds = 1,
        });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(canPushTo: "*");
        var client = Octo.WithToken(simulator, token);
        var other = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        for (var i = 0; i < 5; i++)
        {
            wall.Advance(TimeSpan.FromSeconds(10));
            await client.Repository.Get("acme", "rocket");
        }

        // Octokit 14 maps the secondary-limit 403 to SecondaryRateLimitExceededException (a ForbiddenException).
        var ex = await Should.ThrowAsync<SecondaryRateLimitExceededException>(() => client.Repository.Get("acme", "rocket"));
        await other.Repository.Get("acme", "rocket");

        // The minute slides: a minute after the first of the five, one slot is free again.
        wall.Advance(TimeSpan.FromSeconds(20));
        await client.Repository.Get("acme", "rocket");
        await Should.ThrowAsync<SecondaryRateLimitExceededException>(() => client.Repository.Get("acme", "rocket"));

        ex.ShouldBeAssignableTo<ForbiddenException>();
        ex.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ex.Message.ShouldStartWith("You have exceeded a secondary rate limit.");
        ex.HttpResponse.Headers["Retry-After"].ShouldBe("1");
        simulator.Stats.SecondaryLimitHits.ShouldBe(2);
    }

    [Fact]
    public async Task MoreConcurrentRequestsThanAllowed_AreSecondaryLimited_AndMaxConcurrentCountsThemInFlight()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
        {
            WallClock = wall,
            Latency = TimeSpan.FromSeconds(1),
            MaxConcurrentRequests = 4,
        });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(canPushTo: "*");
        var client = Octo.WithToken(simulator, token);

        var calls = Enumerable.Range(0, 6).Select(_ => Capture(client.Repository.Get("acme", "rocket"))).ToList();

        // The latency runs on the fake wall clock: all six stay in flight until it moves.
        await Eventually.TrueAsync(() => simulator.Stats.CurrentConcurrent == 6, "six requests in flight");
        simulator.Stats.CurrentConcurrentFor(token).ShouldBe(6);
        wall.Advance(TimeSpan.FromSeconds(1));
        var outcomes = await Task.WhenAll(calls);

        outcomes.Count(e => e is null).ShouldBe(4);
        outcomes.Count(e => e is SecondaryRateLimitExceededException).ShouldBe(2);
        simulator.Stats.MaxConcurrent.ShouldBe(6);
        simulator.Stats.MaxConcurrentFor(token).ShouldBe(6);
        simulator.Stats.CurrentConcurrent.ShouldBe(0);
        simulator.Stats.SecondaryLimitHits.ShouldBe(2);
    }

    private static async Task<Exception?> Capture(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (ApiException ex)
        {
            return ex;
        }
    }
}
