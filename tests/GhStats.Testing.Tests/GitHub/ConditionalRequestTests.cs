using System.Net;
using System.Net.Http.Headers;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class ConditionalRequestTests
{
    private static readonly DateTimeOffset WallStart = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("repos/acme/rocket")]
    [InlineData("repos/acme/rocket/traffic/views?per=day")]
    [InlineData("repos/acme/rocket/traffic/clones?per=week")]
    [InlineData("repos/acme/rocket/traffic/popular/referrers")]
    [InlineData("repos/acme/rocket/traffic/popular/paths")]
    [InlineData("repos/acme/rocket/stargazers?per_page=100")]
    [InlineData("repos/acme/rocket/releases")]
    [InlineData("orgs/acme/repos")]
    public async Task UnchangedAnswer_Is304WithoutBody_AndNotCharged(string path)
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = new FakeTimeProvider(WallStart) });
        simulator.AddRepository("acme", "rocket", seed: 3, r => r.AddRelease("v1.0", "First", simulator.Clock.GetUtcNow().AddDays(-3)));
        using var http = Http(simulator, simulator.AddToken(null, 100, "*"));

        using var first = await http.GetAsync("api/v3/" + path);
        var etag = first.Headers.ETag;
        using var again = await Conditional(http, path, etag!.ToString());

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        etag.IsWeak.ShouldBeTrue("GitHub's JSON answers carry weak ETags");
        Remaining(first).ShouldBe(99);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        again.Headers.ETag.ShouldBe(etag);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        Remaining(again).ShouldBe(99, "a 304 does not count against the primary rate limit");
        simulator.Stats.NotModified.ShouldBe(1);
        simulator.Stats.ChargedRequests.ShouldBe(1);
        simulator.Stats.TotalRequests.ShouldBe(2);
    }

    [Fact]
    public async Task ChangedData_Is200WithANewETag_AndCharged()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = new FakeTimeProvider(WallStart) });
        var repository = simulator.AddRepository("acme", "rocket", seed: 3, r => r.Stars = 10);
        using var http = Http(simulator, simulator.AddToken(null, 100, "*"));
        using var first = await http.GetAsync("api/v3/repos/acme/rocket");

        repository.Stars = 11;
        using var changed = await Conditional(http, "repos/acme/rocket", first.Headers.ETag!.ToString());

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBeNull();
        changed.Headers.ETag.ShouldNotBe(first.Headers.ETag);
        (await changed.Content.ReadAsStringAsync()).ShouldContain("\"stargazers_count\":11");
        Remaining(changed).ShouldBe(98);
        simulator.Stats.NotModified.ShouldBe(0);
        simulator.Stats.ChargedRequests.ShouldBe(2);
    }

    [Fact]
    public async Task TrafficWindow_MovingWithTheClock_ChangesTheETag()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = new FakeTimeProvider(WallStart) });
        simulator.AddRepository("acme", "rocket", seed: 3);
        using var http = Http(simulator, simulator.AddToken(null, 100, "*"));
        using var today = await http.GetAsync("api/v3/repos/acme/rocket/traffic/views?per=day");

        simulator.Clock.Advance(TimeSpan.FromDays(1));
        using var tomorrow = await Conditional(http, "repos/acme/rocket/traffic/views?per=day", today.Headers.ETag!.ToString());

        tomorrow.StatusCode.ShouldBe(HttpStatusCode.OK);
        tomorrow.Headers.ETag.ShouldNotBe(today.Headers.ETag);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"other\", {0}")]
    [InlineData("{0}")]
    public async Task IfNoneMatch_ComparesWeakly_AndTakesListsAndStar(string header)
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = new FakeTimeProvider(WallStart) });
        simulator.AddRepository("acme", "rocket", seed: 3);
        using var http = Http(simulator, simulator.AddToken(null, 100, "*"));
        using var first = await http.GetAsync("api/v3/repos/acme/rocket");
        var strongForm = "\"" + first.Headers.ETag!.Tag.Trim('"') + "\"";

        using var again = await Conditional(http, "repos/acme/rocket", header.Replace("{0}", strongForm, StringComparison.Ordinal));

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task ErrorsAndUnmatchedTags_AreCharged_AndCarryNoETag()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = new FakeTimeProvider(WallStart) });
        simulator.AddRepository("acme", "rocket", seed: 3);
        using var http = Http(simulator, simulator.AddToken(null, 100));

        using var refused = await Conditional(http, "repos/acme/rocket/traffic/views", "*");
        using var unmatched = await Conditional(http, "repos/acme/rocket", "W/\"stale\"");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "no push access: a 403, whatever If-None-Match says");
        refused.Headers.ETag.ShouldBeNull();
        unmatched.StatusCode.ShouldBe(HttpStatusCode.OK);
        simulator.Stats.ChargedRequests.ShouldBe(2);
        simulator.Stats.NotModified.ShouldBe(0);
        Remaining(unmatched).ShouldBe(98);
    }

    private static HttpClient Http(GitHubSimulator simulator, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(simulator.BaseAddress) };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ghstats-tests", "1"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        return http;
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient http, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v3/" + path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return http.SendAsync(request);
    }

    private static int Remaining(HttpResponseMessage response) => int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
}
