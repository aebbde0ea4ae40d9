using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>GhStats:RateLimits: per API token, per client address on the cron endpoint and on sign-in; 429 with Retry-After and a problem.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task AnApiToken_OverItsLimit_Gets429WithRetryAfter_WhileAnotherTokenGoesOn()
    {
        await using var app = await StartAsync("ApiToken", permits: 3);
        var busy = app.As(await app.CreateUserAsync("busy@limits.example"));
        var quiet = app.As(await app.CreateUserAsync("quiet@limits.example"));
        for (var i = 0; i < 3; i++)
        {
            (await busy.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await busy.GetAsync("api/v1/me");
        using var other = await quiet.GetAsync("api/v1/me");

        await ShouldBeLimitedAsync(limited);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheCronEndpoint_OverItsLimitPerAddress_Gets429()
    {
        await using var app = await StartAsync("Cron", permits: 2, ("GhStats:Cron:Secret", new string('s', 40)));
        var scheduler = app.WithToken("not-the-secret-but-long-enough-to-be-one-xx");
        for (var i = 0; i < 2; i++)
        {
            (await scheduler.PostJsonAsync("api/v1/collect", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var limited = await scheduler.PostJsonAsync("api/v1/collect", null);

        await ShouldBeLimitedAsync(limited);
    }

    [Fact]
    public async Task SignIn_OverItsLimitPerAddress_Gets429()
    {
        await using var app = await StartAsync("SignIn", permits: 2);
        var browser = app.Anonymous();
        (await browser.GetAsync("signin/development")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("signin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var limited = await browser.GetAsync("signin/development");

        await ShouldBeLimitedAsync(limited);
    }

    [Fact]
    public async Task PagesAndHealth_AreNotCountedAgainstSignIn()
    {
        await using var app = await StartAsync("SignIn", permits: 1);
        var browser = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            (await browser.GetAsync("healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var signIn = await browser.GetAsync("signin/development");

        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ShouldBeLimitedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull();
        retryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        retryAfter.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.GetProperty("title").GetString().ShouldBe("Too many requests");
    }

    private static Task<WebApp> StartAsync(string limit, int permits, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"GhStats:RateLimits:{limit}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"GhStats:RateLimits:{limit}:Window"] = "00:01:00",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return WebApp.StartAsync(new WebAppOptions { Environment = "Development", Settings = settings });
    }
}
