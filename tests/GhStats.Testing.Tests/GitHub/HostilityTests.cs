using System.Net;
using System.Net.Http.Headers;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

/// <summary>Hostile behaviours chosen per connection: the hostile token is mistreated, the other one served as GitHub would.</summary>
public sealed class HostilityTests
{
    private static readonly DateTimeOffset WallStart = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EndlessPages_LinksEveryPageOfTheHostileTokensListingsToANextOne_WhileOtherTokensSeeTheEnd()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var hostile = simulator.AddToken(canPushTo: "*");
        var normal = simulator.AddToken(canPushTo: "*");
        simulator.HostilityOf(hostile).EndlessPages = true;
        using var http = new HttpClient();

        using var farReleases = await GetAsync(http, simulator, hostile, "repos/acme/rocket/releases?per_page=100&page=500");
        using var farRepositories = await GetAsync(http, simulator, hostile, "orgs/acme/repos?page=70");
        using var farStargazers = await GetAsync(http, simulator, hostile, "repos/acme/rocket/stargazers?per_page=100&page=300");
        using var releases = await GetAsync(http, simulator, normal, "repos/acme/rocket/releases?per_page=100");
        using var repositories = await GetAsync(http, simulator, normal, "orgs/acme/repos");

        farReleases.StatusCode.ShouldBe(HttpStatusCode.OK);
        NextLink(farReleases).ShouldEndWith("page=501");
        NextLink(farRepositories).ShouldEndWith("page=71");
        NextLink(farStargazers).ShouldEndWith("page=301");
        releases.Headers.Contains("Link").ShouldBeFalse();
        repositories.Headers.Contains("Link").ShouldBeFalse();
    }

    [Fact]
    public async Task SecondaryLimitAfter_AnswersAnHourLongRetryAfter_CountingDown_ThenServesAgain_OtherTokensUntouched()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var hostile = simulator.AddToken(canPushTo: "*");
        var normal = simulator.AddToken(canPushTo: "*");
        var hostility = simulator.HostilityOf(hostile);
        hostility.SecondaryLimitAfter = 2;
        using var http = new HttpClient();

        using var first = await GetAsync(http, simulator, hostile, "repos/acme/rocket");
        using var second = await GetAsync(http, simulator, hostile, "repos/acme/rocket");
        using var limited = await GetAsync(http, simulator, hostile, "repos/acme/rocket");
        using var other = await GetAsync(http, simulator, normal, "repos/acme/rocket");
        wall.Advance(TimeSpan.FromMinutes(30));
        using var halfway = await GetAsync(http, simulator, hostile, "repos/acme/rocket");
        wall.Advance(TimeSpan.FromMinutes(31));
        using var after = await GetAsync(http, simulator, hostile, "repos/acme/rocket");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        limited.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromHours(1));
        (await limited.Content.ReadAsStringAsync()).ShouldContain("secondary rate limit");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        halfway.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        halfway.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(30));
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        hostility.SecondaryLimited.ShouldBe(2);
        simulator.Stats.SecondaryLimitHits.ShouldBe(2);
    }

    [Fact]
    public async Task BodyTrickle_SendsTheHeadersAtOnce_AndTheBodyOnlyAsTheTrickleTimePasses()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var hostile = simulator.AddToken(canPushTo: "*");
        var normal = simulator.AddToken(canPushTo: "*");
        var trickle = TimeSpan.FromMinutes(16);
        simulator.HostilityOf(hostile).BodyTrickle = trickle;
        using var http = new HttpClient();

        // The well-behaved token's answer arrives whole without the clock moving at all.
        using var plain = await GetAsync(http, simulator, normal, "repos/acme/rocket");
        var plainBody = await plain.Content.ReadAsStringAsync();
        using var slow = await GetAsync(http, simulator, hostile, "repos/acme/rocket");
        var body = slow.Content.ReadAsStringAsync();
        var advanced = TimeSpan.Zero;
        while (!body.IsCompleted)
        {
            wall.Advance(TimeSpan.FromMinutes(1));
            advanced += TimeSpan.FromMinutes(1);
            await Task.WhenAny(body, Task.Delay(20));
        }

        slow.StatusCode.ShouldBe(HttpStatusCode.OK);
        advanced.ShouldBeGreaterThanOrEqualTo(trickle, "each of the 16 pieces waits its share of the trickle");
        (await body).ShouldBe(plainBody);
    }

    [Fact]
    public async Task InstallationHostility_AppliesToEveryTokenTheInstallationIssues()
    {
        var wall = new FakeTimeProvider(WallStart);
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "rocket", seed: 3);
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var installation = simulator.AddApp(7, key.ExportRSAPrivateKeyPem(), 70, "*");
        installation.Hostility.SecondaryLimitAfter = 0;
        var jwt = AppJwtFactory.Fresh(7, key, wall.GetUtcNow());
        var client = Octo.WithJwt(simulator, jwt);
        var token = (await client.GitHubApps.CreateInstallationToken(70)).Token;
        using var http = new HttpClient();

        using var refused = await GetAsync(http, simulator, token, "repos/acme/rocket");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task LatencyRange_DrawsEachRequestsLatencyWithinTheRange_TheSameForTheSameSeed()
    {
        async Task<(TimeSpan Min, TimeSpan Max, TimeSpan Total)> DrawAsync(int seed)
        {
            await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
            {
                Latency = TimeSpan.FromMilliseconds(1),
                MaxLatency = TimeSpan.FromMilliseconds(20),
                LatencySeed = seed,
            });
            simulator.AddRepository("acme", "rocket", seed: 3);
            var token = simulator.AddToken(canPushTo: "*");
            using var http = new HttpClient();
            for (var i = 0; i < 40; i++)
            {
                using var answer = await GetAsync(http, simulator, token, "repos/acme/rocket");
                answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            return (simulator.Stats.MinLatency, simulator.Stats.MaxLatency, simulator.Stats.TotalLatency);
        }

        var first = await DrawAsync(seed: 5);
        var again = await DrawAsync(seed: 5);
        var other = await DrawAsync(seed: 6);

        first.Min.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1));
        first.Max.ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(20));
        (first.Max - first.Min).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(10), "40 draws spread over the range");
        again.ShouldBe(first);
        other.Total.ShouldNotBe(first.Total);
    }

    [Fact]
    public async Task AddRepositories_ServesTwentyThousandRepositoriesInPagesOfAHundred()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var added = simulator.AddRepositories("big", 20_000);
        var token = simulator.AddToken(canPushTo: "big/*");
        using var http = new HttpClient();

        using var last = await GetAsync(http, simulator, token, "orgs/big/repos?per_page=100&page=200");
        var body = await last.Content.ReadAsStringAsync();

        added.Count.ShouldBe(20_000);
        simulator.Repositories.Count.ShouldBe(20_000);
        added[19_999].FullName.ShouldBe("big/repo-19999");
        added[19_999].Seed.ShouldBe(19_999);
        last.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("\"full_name\":\"big/repo-19999\"");
        body.ShouldContain("\"full_name\":\"big/repo-19900\"");
        body.ShouldNotContain("\"full_name\":\"big/repo-19899\"");
        last.Headers.GetValues("Link").Single().ShouldNotContain("rel=\"next\"");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, GitHubSimulator simulator, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, simulator.BaseAddress + "api/v3/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        request.Headers.UserAgent.ParseAdd("ghstats-tests");
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static string NextLink(HttpResponseMessage response) =>
        response.Headers.GetValues("Link").Single().Split(", ").Single(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal)).Split('>')[0].TrimStart('<');
}
