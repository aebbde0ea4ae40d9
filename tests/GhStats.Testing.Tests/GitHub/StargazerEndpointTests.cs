using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Testing.GitHub;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class StargazerEndpointTests
{
    [Fact]
    public async Task Stargazers_WithTheStarMediaType_ListEveryCurrentStargazerWithItsDate_OldestFirst()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3, r => r.Stars = 250);
        var client = Octo.WithToken(simulator, simulator.AddToken());

        var stars = await client.Activity.Starring.GetAllStargazersWithTimestamps("acme", "rocket", new ApiOptions { PageSize = 100 });

        stars.Count.ShouldBe(250);
        stars.Select(s => s.User.Login).ShouldBe(repository.Stargazers.Select(s => s.Login));
        stars.Select(s => s.StarredAt).ShouldBe(repository.Stargazers.Select(s => s.StarredAt));
        stars.Select(s => s.StarredAt).ShouldBeInOrder(Shouldly.SortDirection.Ascending);
        simulator.Stats.Requests(SimulatedEndpoint.Stargazers).ShouldBe(3);
    }

    [Fact]
    public async Task StarHistory_HasUnstars_SoTheListHoldsFewerThanTheStarsEverGiven_AndTheTruthCountsTheList()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 5, r => r.Stars = 800);

        repository.Stargazers.Count.ShouldBe(800);
        repository.StarsEverGiven.ShouldBe(900);
        repository.Stargazers[0].StarredAt.ShouldBeGreaterThanOrEqualTo(repository.CreatedAt);
        repository.Stargazers[^1].StarredAt.ShouldBeLessThanOrEqualTo(simulator.Clock.GetUtcNow());
        var firstDay = DateOnly.FromDateTime(repository.Stargazers[0].StarredAt.UtcDateTime);
        repository.StarsAt(firstDay.AddDays(-1)).ShouldBe(0);
        repository.StarsAt(firstDay).ShouldBeGreaterThanOrEqualTo(1);
        repository.StarsAt(simulator.Clock.Today).ShouldBe(800);
    }

    [Fact]
    public async Task Stargazers_WithoutTheStarMediaType_ArePlainUsers_AndPagesCarryGitHubsLinks()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3, r => r.Stars = 45);
        using var http = Http(simulator, simulator.AddToken());

        using var response = await http.GetAsync("api/v3/repos/acme/rocket/stargazers?per_page=20&page=2");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetArrayLength().ShouldBe(20);
        body[0].TryGetProperty("starred_at", out _).ShouldBeFalse();
        body[0].GetProperty("login").GetString().ShouldStartWith("stargazer-");
        var link = response.Headers.GetValues("Link").Single();
        link.ShouldContain("page=3>; rel=\"next\"");
        link.ShouldContain("page=3>; rel=\"last\"");
        link.ShouldContain("page=1>; rel=\"first\"");
        link.ShouldContain("per_page=20");
    }

    [Fact]
    public async Task Stargazers_PastThePaginationLimit_Answer422_ThoughTheLastPageNamesANextOne()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { StargazerListLimit = 300 });
        simulator.AddRepository("acme", "huge", seed: 3, r => r.Stars = 1000);
        using var http = Http(simulator, simulator.AddToken());
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github.star+json"));

        using var allowed = await http.GetAsync("api/v3/repos/acme/huge/stargazers?per_page=100&page=3");
        using var refused = await http.GetAsync("api/v3/repos/acme/huge/stargazers?per_page=100&page=4");

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await allowed.Content.ReadAsStringAsync()).RootElement.GetArrayLength().ShouldBe(100);
        var link = allowed.Headers.GetValues("Link").Single();
        link.ShouldContain("page=4>; rel=\"next\"");
        link.ShouldNotContain("rel=\"last\"");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("pagination is limited for this resource");
    }

    [Fact]
    public async Task Stargazers_CountAgainstTheRateLimit_LikeEveryOtherCall()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3, r => r.Stars = 10);
        var token = simulator.AddToken(rateLimit: 2);
        var client = Octo.WithToken(simulator, token);

        await client.Activity.Starring.GetAllStargazers("acme", "rocket");
        await client.Activity.Starring.GetAllStargazers("acme", "rocket");

        await Should.ThrowAsync<RateLimitExceededException>(() => client.Activity.Starring.GetAllStargazers("acme", "rocket"));
        simulator.Stats.PrimaryLimitHits.ShouldBe(1);
    }

    [Fact]
    public async Task Stargazers_OfAPrivateRepository_AreNotFound_WithoutAccess()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "secret", seed: 3, r => r.Private = true);
        var client = Octo.WithToken(simulator, simulator.AddToken());

        await Should.ThrowAsync<NotFoundException>(() => client.Activity.Starring.GetAllStargazers("acme", "secret"));
    }

    private static HttpClient Http(GitHubSimulator simulator, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(simulator.BaseAddress) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        return http;
    }
}
