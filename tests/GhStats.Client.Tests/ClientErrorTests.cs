using System.Net;
using GhStats.Client.Tests.Harness;
using GhStats.Testing;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace GhStats.Client.Tests;

/// <summary>What a script meets when things go wrong: each a typed error that says what happened, and never a hang.</summary>
public sealed class ClientErrorTests
{
    /// <summary>A guard, not a measurement: a call that should fail fast and instead hangs fails the test here.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AnUnreachableServer_IsAConnectionError_NamingTheAddress()
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        using var client = Client(address);

        var error = await Should.ThrowAsync<GhStatsConnectionException>(() => client.ListRepositoriesAsync().WaitAsync(HangGuard));

        error.TimedOut.ShouldBeFalse();
        error.Server.ShouldBe(address);
        error.Message.ShouldStartWith($"Could not reach the GhStats server at {address}");
    }

    [Fact]
    public async Task ARevokedToken_Is401_AndTheMessageHoldsNoToken()
    {
        await using var server = await GhStatsServer.StartAsync();
        var user = await server.CreateUserAsync("revoked@client.example");
        using var client = server.ClientFor(user);
        await client.RevokeTokenAsync(user.TokenId);

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.ListRepositoriesAsync());

        error.Status.ShouldBe(401);
        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Title.ShouldBe("Not signed in");
        error.Message.ShouldContain("unknown, revoked or expired");
        error.ToString().ShouldNotContain(user.Token);
        error.ToString().ShouldNotContain(user.Token[5..]);
    }

    [Fact]
    public async Task AnExpiredToken_Is401()
    {
        var clock = new CalendarClock(DateTimeOffset.UtcNow);
        await using var server = await GhStatsServer.StartAsync(clock: clock);
        var user = await server.CreateUserAsync("expired@client.example", tokenDays: 1);
        using var client = server.ClientFor(user);
        (await client.GetMeAsync()).Id.ShouldBe(user.Id);

        clock.Advance(TimeSpan.FromDays(2));
        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.GetMeAsync());

        error.Status.ShouldBe(401);
        error.Detail.ShouldNotBeNull().ShouldContain("personal API token");
    }

    [Fact]
    public async Task AnUnknownRepository_Is404_WithTheServersTitleAndDetail()
    {
        await using var server = await GhStatsServer.StartAsync();
        using var client = server.ClientFor(await server.CreateUserAsync("reader@client.example"));

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.GetTrafficAsync(987654));

        error.Status.ShouldBe(404);
        error.Title.ShouldBe("Not found");
        error.Detail.ShouldNotBeNull().ShouldContain("987654");
        error.Method.ShouldBe(HttpMethod.Get);
        error.RequestUri.ShouldNotBeNull().AbsolutePath.ShouldBe("/api/v1/repos/987654/traffic");
        error.Message.ShouldBe($"GET {server.BaseAddress}api/v1/repos/987654/traffic answered 404 Not found: {error.Detail}");
    }

    [Fact]
    public async Task ABadRange_Is400_WithWhatToChange()
    {
        await using var server = await GhStatsServer.StartAsync();
        using var client = server.ClientFor(await server.CreateUserAsync("reader@client.example"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.GetSummaryAsync(from: today, through: today.AddDays(-3)));

        error.Status.ShouldBe(400);
        error.Detail.ShouldNotBeNull().ShouldContain("reversed");
    }

    [Fact]
    public async Task TheRealServersRateLimit_Is429_WithRetryAfter()
    {
        await using var server = await GhStatsServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GhStats:RateLimits:ApiToken:PermitLimit"] = "1",
            ["GhStats:RateLimits:ApiToken:Window"] = "00:00:30",
        });
        using var client = server.ClientFor(await server.CreateUserAsync("limited@client.example"));
        await client.GetMeAsync();

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.GetMeAsync().WaitAsync(HangGuard));

        error.Status.ShouldBe(429);
        error.Title.ShouldBe("Too many requests");
        error.RetryAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RateLimiting_Is429_WithRetryAfter_AndTheProblemsExtraMembers()
    {
        await using var stub = await StubServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "7";
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"type":"https://example.com/rate","title":"Too many requests","status":429,"detail":"Slow down.","limit":100}""");
        });
        using var client = Client(stub.BaseAddress);

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.ListRepositoriesAsync());

        error.Status.ShouldBe(429);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        (error.Title, error.Detail, error.Type).ShouldBe(("Too many requests", "Slow down.", "https://example.com/rate"));
        error.Extensions["limit"].GetInt32().ShouldBe(100);
        error.Message.ShouldEndWith("Retry after 7 s.");
    }

    [Fact]
    public async Task RetryAfterAsADate_IsMeasuredAgainstTheServersClock()
    {
        var serverNow = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        await using var stub = await StubServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.Date = serverNow.ToString("R");
            context.Response.Headers.RetryAfter = serverNow.AddMinutes(2).ToString("R");
            return Task.CompletedTask;
        });
        using var client = Client(stub.BaseAddress);

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.GetMeAsync());

        error.Status.ShouldBe(503);
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task AnErrorThatIsNotProblemDetails_KeepsItsStatusAndText()
    {
        await using var stub = await StubServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("upstream went away");
        });
        using var client = Client(stub.BaseAddress);

        var error = await Should.ThrowAsync<GhStatsApiException>(() => client.ExportTenantTrafficCsvAsync());

        (error.Status, error.Title, error.Detail).ShouldBe((502, "Bad Gateway", "upstream went away"));
    }

    [Fact]
    public async Task AServerThatNeverAnswers_TimesOut_WithTheConfiguredTimeout()
    {
        await using var silent = SilentServer.Mute();
        using var client = Client(silent.BaseAddress, TimeSpan.FromMilliseconds(300));

        var error = await Should.ThrowAsync<GhStatsConnectionException>(() => client.ListRepositoriesAsync().WaitAsync(HangGuard));

        error.TimedOut.ShouldBeTrue();
        error.Timeout.ShouldBe(TimeSpan.FromMilliseconds(300));
        error.Message.ShouldStartWith($"The GhStats server at {silent.BaseAddress} did not answer within 300 ms");
    }

    [Fact]
    public async Task AServerThatStallsInTheBody_TimesOut()
    {
        await using var silent = SilentServer.StallingInTheBody();
        using var client = Client(silent.BaseAddress, TimeSpan.FromMilliseconds(300));

        var error = await Should.ThrowAsync<GhStatsConnectionException>(() => client.GetRepositoryAsync(1).WaitAsync(HangGuard));

        error.TimedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task TheCallersOwnCancellation_StaysACancellation()
    {
        await using var silent = SilentServer.Mute();
        using var client = Client(silent.BaseAddress, TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => client.ListRepositoriesAsync(cancellationToken: cancel.Token).WaitAsync(HangGuard));
    }

    private static IGhStatsClient Client(Uri address, TimeSpan? timeout = null) => GhStatsClient.Create(new GhStatsClientOptions
    {
        BaseAddress = address,
        Token = "ghst_not-a-real-token",
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    });

}
