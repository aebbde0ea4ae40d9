using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

/// <summary>The simulator's GraphQL endpoint: GitHub's shapes, node limits, point costs and a budget apart from REST.</summary>
public sealed class GraphQLEndpointTests
{
    private const string Counters =
        "databaseId stargazerCount forkCount diskUsage watchers(first:1){totalCount} issues(states:OPEN,first:1){totalCount} pullRequests(states:OPEN,first:1){totalCount}";

    [Fact]
    public async Task AliasedRepositories_AnswerTheCountersRestAnswers_OnTheGraphQLBudget()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var rocket = simulator.AddRepository("acme", "rocket", seed: 3, r => (r.Stars, r.Forks, r.Watchers, r.OpenIssues, r.SizeKb) = (41, 7, 5, 23, 1234));
        var probe = simulator.AddRepository("acme", "probe", seed: 8);
        var token = simulator.AddToken(null, 5000, "*");
        var rest = await Octo.WithToken(simulator, token).Repository.Get("acme", "rocket");

        using var response = await PostAsync(simulator, token, $"query($o:String!,$n:String!){{ a: repository(owner:$o, name:$n) {{ {Counters} }} b: repository(owner:\"acme\", name:\"probe\") {{ stars: stargazerCount }} rateLimit {{ cost remaining resetAt }} }}",
            new { o = "acme", n = "rocket" });
        using var answer = await ReadAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = answer.RootElement.GetProperty("data").GetProperty("a");
        a.GetProperty("databaseId").GetInt64().ShouldBe(rest.Id);
        a.GetProperty("stargazerCount").GetInt32().ShouldBe(rest.StargazersCount);
        a.GetProperty("forkCount").GetInt32().ShouldBe(rest.ForksCount);
        a.GetProperty("diskUsage").GetInt64().ShouldBe(rest.Size);
        a.GetProperty("watchers").GetProperty("totalCount").GetInt32().ShouldBe(rest.SubscribersCount);
        var issues = a.GetProperty("issues").GetProperty("totalCount").GetInt32();
        var pullRequests = a.GetProperty("pullRequests").GetProperty("totalCount").GetInt32();
        (issues + pullRequests).ShouldBe(rest.OpenIssuesCount, "REST's open_issues_count counts open pull requests too");
        pullRequests.ShouldBeGreaterThan(0, "seed 3 splits off some pull requests");
        rocket.OpenIssues.ShouldBe(23);
        answer.RootElement.GetProperty("data").GetProperty("b").GetProperty("stars").GetInt32().ShouldBe(probe.Stars);
        answer.RootElement.TryGetProperty("errors", out _).ShouldBeFalse();
        var rateLimit = answer.RootElement.GetProperty("data").GetProperty("rateLimit");
        rateLimit.GetProperty("cost").GetInt32().ShouldBe(1);
        rateLimit.GetProperty("remaining").GetInt32().ShouldBe(4999);
        Header(response, "X-RateLimit-Resource").ShouldBe("graphql");
        Header(response, "X-RateLimit-Limit").ShouldBe("5000");
        Header(response, "X-RateLimit-Remaining").ShouldBe("4999");
        simulator.Stats.GraphQLRequests.ShouldBe(1);
        simulator.Stats.RestRequests.ShouldBe(1);
        simulator.Stats.GraphQLPointsCharged.ShouldBe(1);
        simulator.Stats.ChargedRequests.ShouldBe(1, "the REST read only: GraphQL points are counted apart");
    }

    [Fact]
    public async Task AMissingOrHiddenRepository_IsNullData_WithANotFoundErrorOnItsAlias()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        simulator.AddRepository("acme", "secret", seed: 4, r => r.Private = true);
        var token = simulator.AddToken(null, 5000, "acme/rocket");

        using var response = await PostAsync(simulator, token,
            "{ ok: repository(owner:\"acme\", name:\"rocket\") { databaseId } gone: repository(owner:\"acme\", name:\"nothing\") { databaseId } hidden: repository(owner:\"acme\", name:\"secret\") { databaseId } }");
        using var answer = await ReadAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = answer.RootElement.GetProperty("data");
        data.GetProperty("ok").GetProperty("databaseId").GetInt64().ShouldBeGreaterThan(0);
        data.GetProperty("gone").ValueKind.ShouldBe(JsonValueKind.Null);
        data.GetProperty("hidden").ValueKind.ShouldBe(JsonValueKind.Null);
        var errors = answer.RootElement.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("type").GetString()).ShouldBe(["NOT_FOUND", "NOT_FOUND"]);
        errors.Select(e => e.GetProperty("path")[0].GetString()).ShouldBe(["gone", "hidden"]);
        errors[0].GetProperty("message").GetString().ShouldBe("Could not resolve to a Repository with the name 'acme/nothing'.");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(40, 1)]
    [InlineData(50, 2)]
    [InlineData(100, 3)]
    public async Task TheCost_IsTheConnectionsRequestsOverAHundred_RoundedAndAtLeastOne(int repositories, int points)
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 5000, "*");

        // Three connections under each repository: 3 requests per repository by GitHub's calculation.
        using var response = await PostAsync(simulator, token, Aliases(repositories, Counters, "rateLimit { cost nodeCount }"));
        using var answer = await ReadAsync(response);

        var rateLimit = answer.RootElement.GetProperty("data").GetProperty("rateLimit");
        rateLimit.GetProperty("cost").GetInt32().ShouldBe(points);
        rateLimit.GetProperty("nodeCount").GetInt32().ShouldBe(3 * repositories);
        Header(response, "X-RateLimit-Remaining").ShouldBe((5000 - points).ToString(CultureInfo.InvariantCulture));
        simulator.Stats.GraphQLPointsCharged.ShouldBe(points);
    }

    [Theory]
    [InlineData("watchers { totalCount }", "MISSING_PAGINATION_BOUNDARIES")]
    [InlineData("watchers(first: 101) { totalCount }", "EXCESSIVE_PAGINATION")]
    [InlineData("watchers(last: 0) { totalCount }", "EXCESSIVE_PAGINATION")]
    public async Task AConnectionWithoutAPageOfOneToAHundred_IsRefused(string connection, string type)
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 5000, "*");

        using var response = await PostAsync(simulator, token, "{ r: repository(owner:\"acme\", name:\"rocket\") { " + connection + " } }");
        using var answer = await ReadAsync(response);

        answer.RootElement.TryGetProperty("data", out _).ShouldBeFalse();
        answer.RootElement.GetProperty("errors")[0].GetProperty("type").GetString().ShouldBe(type);
    }

    [Fact]
    public async Task MoreThanHalfAMillionNodes_IsRefused_ButHalfAMillionIsNot()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 50_000, "*");
        const string Pages = "watchers(first:100){totalCount} stargazers(first:100){totalCount}";

        using var over = await PostAsync(simulator, token, Aliases(2501, Pages));
        using var overAnswer = await ReadAsync(over);
        using var at = await PostAsync(simulator, token, Aliases(2500, Pages, "rateLimit { nodeCount }"));
        using var atAnswer = await ReadAsync(at);

        var error = overAnswer.RootElement.GetProperty("errors")[0];
        error.GetProperty("type").GetString().ShouldBe("MAX_NODE_LIMIT_EXCEEDED");
        error.GetProperty("message").GetString()!.ShouldContain("500,200");
        atAnswer.RootElement.GetProperty("data").GetProperty("rateLimit").GetProperty("nodeCount").GetInt32().ShouldBe(500_000);
    }

    [Fact]
    public async Task AnUnknownField_IsRefusedWithoutData()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var token = simulator.AddToken();

        using var response = await PostAsync(simulator, token, "{ viewer { login } }");
        using var answer = await ReadAsync(response);

        answer.RootElement.TryGetProperty("data", out _).ShouldBeFalse();
        answer.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Field 'viewer' doesn't exist on type 'Query'");
    }

    [Fact]
    public async Task SpentPoints_AnswerRateLimitedWith200_WhileRestStillAnswers()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { GraphQLPointsPerHour = 4 });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 5000, "*");
        var query = Aliases(100, Counters);

        using var first = await PostAsync(simulator, token, query);
        using var second = await PostAsync(simulator, token, query);
        using var refused = await ReadAsync(second);

        Header(first, "X-RateLimit-Remaining").ShouldBe("1");
        second.StatusCode.ShouldBe(HttpStatusCode.OK, "GitHub answers a spent GraphQL limit with 200 and an error");
        refused.RootElement.TryGetProperty("data", out _).ShouldBeFalse();
        refused.RootElement.GetProperty("errors")[0].GetProperty("type").GetString().ShouldBe("RATE_LIMITED");
        refused.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldStartWith("API rate limit exceeded for user ID ");
        Header(second, "X-RateLimit-Resource").ShouldBe("graphql");
        simulator.Stats.GraphQLRateLimited.ShouldBe(1);
        simulator.Stats.GraphQLPointsCharged.ShouldBe(3);
        var rest = await Octo.WithToken(simulator, token).Repository.Get("acme", "rocket");
        rest.Name.ShouldBe("rocket");
    }

    [Fact]
    public async Task TheSecondaryLimit_RefusesGraphQLWith403AndRetryAfter()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SecondaryLimitPerMinute = 2 });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 5000, "*");

        for (var i = 0; i < 2; i++)
        {
            using var admitted = await PostAsync(simulator, token, Aliases(1, Counters));
            admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await PostAsync(simulator, token, Aliases(1, Counters));

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        simulator.Stats.SecondaryLimitHits.ShouldBe(1);
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("api/graphql")]
    public async Task WithoutAToken_GraphQLAnswers401_AtGitHubsAndEnterprisesPath(string path)
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(new Uri(simulator.BaseAddress), path), Json("{ rateLimit { cost } }", null));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        simulator.Stats.GraphQLRequests.ShouldBe(1);
    }

    [Fact]
    public async Task SwitchedOff_GraphQLAnswers404LikeAnOlderEnterpriseServer_AndIsStillCounted()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { GraphQL = false });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var token = simulator.AddToken(null, 5000, "*");

        using var off = await PostAsync(simulator, token, Aliases(1, Counters));
        simulator.GraphQLEnabled = true;
        using var on = await PostAsync(simulator, token, Aliases(1, Counters));

        off.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        simulator.Stats.GraphQLRequests.ShouldBe(2);
        simulator.Stats.GraphQLPointsCharged.ShouldBe(1);
    }

    private static string Aliases(int count, string fields, string tail = "")
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < count; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $"r{i}: repository(owner:\"acme\", name:\"rocket\") {{ {fields} }} ");
        }

        return query.Append(tail).Append(" }").ToString();
    }

    private static async Task<HttpResponseMessage> PostAsync(GitHubSimulator simulator, string token, string query, object? variables = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(simulator.BaseAddress + "api/graphql")) { Content = Json(query, variables) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static ByteArrayContent Json(string query, object? variables)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
