using System.Net;
using GhStats.Testing.GitHub;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class RepositoryEndpointTests
{
    [Fact]
    public async Task GetRepository_DeserializesInOctokit_WithTheSimulatedCounters()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3, r =>
        {
            r.Stars = 1234;
            r.Forks = 56;
            r.Watchers = 78;
            r.OpenIssues = 9;
            r.SizeKb = 4321;
            r.DefaultBranch = "trunk";
        });
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "acme/rocket"));

        var fetched = await client.Repository.Get("acme", "rocket");

        fetched.Id.ShouldBe(repository.Id);
        fetched.NodeId.ShouldBe(repository.NodeId);
        fetched.Name.ShouldBe("rocket");
        fetched.FullName.ShouldBe("acme/rocket");
        fetched.Owner.Login.ShouldBe("acme");
        fetched.Owner.Type.ShouldBe(AccountType.Organization);
        fetched.StargazersCount.ShouldBe(1234);
        fetched.ForksCount.ShouldBe(56);
        fetched.SubscribersCount.ShouldBe(78);
        fetched.OpenIssuesCount.ShouldBe(9);
        fetched.Size.ShouldBe(4321);
        fetched.DefaultBranch.ShouldBe("trunk");
        fetched.Private.ShouldBeFalse();
        fetched.Visibility.ShouldBe(RepositoryVisibility.Public);
        fetched.CreatedAt.ShouldBe(repository.CreatedAt);
        fetched.HtmlUrl.ShouldBe(simulator.BaseAddress + "acme/rocket");
        fetched.Permissions.Push.ShouldBeTrue();
        fetched.Permissions.Pull.ShouldBeTrue();
    }

    [Fact]
    public async Task GetRepository_NeedsOnlyPullAccess_AndReportsThatTheTokenCannotPush()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3, r => r.Stars = 7);
        var reader = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "other/*"));

        var fetched = await reader.Repository.Get("ACME", "Rocket");

        fetched.StargazersCount.ShouldBe(7);
        fetched.Permissions.Push.ShouldBeFalse();
        fetched.Permissions.Admin.ShouldBeFalse();
    }

    [Fact]
    public async Task CounterChanges_ShowInTheNextAnswer()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var repository = simulator.AddRepository("acme", "rocket", seed: 3, r => r.Stars = 10);
        var client = Octo.WithToken(simulator, simulator.AddToken());

        var before = await client.Repository.Get("acme", "rocket");
        repository.Stars = 11;
        repository.Archived = true;
        var after = await client.Repository.Get("acme", "rocket");

        before.StargazersCount.ShouldBe(10);
        before.Archived.ShouldBeFalse();
        after.StargazersCount.ShouldBe(11);
        after.Archived.ShouldBeTrue();
    }

    [Fact]
    public async Task PrivateRepository_IsNotFound_ForATokenWithoutAccess_AndFoundForOneWithIt()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "secret", seed: 3, r => r.Private = true);
        var outsider = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "acme/public-only"));
        var member = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "acme/*"));

        await Should.ThrowAsync<NotFoundException>(() => outsider.Repository.Get("acme", "secret"));
        await Should.ThrowAsync<NotFoundException>(() => outsider.Repository.Traffic.GetViews("acme", "secret", Octo.Daily));
        var seen = await member.Repository.Get("acme", "secret");

        seen.Private.ShouldBeTrue();
        seen.Visibility.ShouldBe(RepositoryVisibility.Private);
    }

    [Fact]
    public async Task GetAllForOrg_PagesThroughEveryRepository_WithForkAndArchivedFlags()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        for (var i = 0; i < 75; i++)
        {
            simulator.AddRepository("acme", $"repo-{i:D3}", seed: i, r =>
            {
                r.Fork = i % 10 == 0;
                r.Archived = i % 7 == 0;
            });
        }

        simulator.AddRepository("other", "elsewhere", seed: 1);
        var client = Octo.WithToken(simulator, simulator.AddToken());

        var listed = await client.Repository.GetAllForOrg("acme");

        listed.Select(r => r.Name).ShouldBe(Enumerable.Range(0, 75).Select(i => $"repo-{i:D3}"));
        listed.Count(r => r.Fork).ShouldBe(8);
        listed.Count(r => r.Archived).ShouldBe(11);
        listed.ShouldAllBe(r => r.Owner.Login == "acme");
        simulator.Stats.Requests(SimulatedEndpoint.OwnerRepositories).ShouldBe(3, "GitHub's default page holds 30 repositories");
    }

    [Fact]
    public async Task OwnerListing_SendsGitHubsLinkHeader_WithNextAndLast()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            simulator.AddRepository("acme", $"r{i}", seed: i);
        }

        var token = simulator.AddToken();
        using var http = new HttpClient { BaseAddress = new Uri(simulator.BaseAddress) };
        http.DefaultRequestHeaders.Add("Authorization", "token " + token);

        using var first = await http.GetAsync(new Uri("api/v3/orgs/acme/repos?per_page=2", UriKind.Relative));
        using var last = await http.GetAsync(new Uri("api/v3/orgs/acme/repos?per_page=2&page=3", UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var links = first.Headers.GetValues("Link").Single();
        links.ShouldContain($"<{simulator.BaseAddress}api/v3/orgs/acme/repos?per_page=2&page=2>; rel=\"next\"");
        links.ShouldContain($"<{simulator.BaseAddress}api/v3/orgs/acme/repos?per_page=2&page=3>; rel=\"last\"");
        var lastLinks = last.Headers.GetValues("Link").Single();
        lastLinks.ShouldNotContain("rel=\"next\"");
        lastLinks.ShouldContain("rel=\"prev\"");
    }

    [Fact]
    public async Task UserListing_Works_ButTheOrganizationListingOfAUserIsNotFound()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddOwner("alice", SimulatedOwnerType.User);
        simulator.AddRepository("alice", "dotfiles", seed: 1);
        simulator.AddRepository("alice", "blog", seed: 2, r => r.Private = true);
        var client = Octo.WithToken(simulator, simulator.AddToken());

        var listed = await client.Repository.GetAllForUser("alice");

        listed.Select(r => r.Name).ShouldBe(["dotfiles"], "a private repository shows only to tokens with access");
        listed.Single().Owner.Type.ShouldBe(AccountType.User);
        await Should.ThrowAsync<NotFoundException>(() => client.Repository.GetAllForOrg("alice"));
        await Should.ThrowAsync<NotFoundException>(() => client.Repository.GetAllForOrg("nobody"));
        await Should.ThrowAsync<NotFoundException>(() => client.Repository.GetAllForUser("nobody"));
    }

    [Fact]
    public async Task UnknownRepository_IsNotFound()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));

        var ex = await Should.ThrowAsync<NotFoundException>(() => client.Repository.Get("acme", "missing"));
        await Should.ThrowAsync<NotFoundException>(() => client.Repository.Traffic.GetClones("acme", "missing", Octo.Daily));

        ex.Message.ShouldBe("Not Found");
        simulator.Stats.NotFound.ShouldBe(2);
    }
}
