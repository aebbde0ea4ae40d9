using System.Net;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Octokit;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_AnswersTheStatusForTheMatchingRequestsOnly_ThenServesAgain()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));
        simulator.Faults.FailNext("traffic/views", 502, times: 2);

        var clones = await client.Repository.Traffic.GetClones("acme", "rocket", Octo.Daily);
        var first = await Should.ThrowAsync<ApiException>(() => client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily));
        var second = await Should.ThrowAsync<ApiException>(() => client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily));
        var views = await client.Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);

        clones.Count.ShouldBeGreaterThan(0);
        first.GetType().ShouldBe(typeof(ApiException));
        first.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        first.Message.ShouldBe("Bad Gateway");
        second.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        views.Count.ShouldBeGreaterThan(0);
        simulator.Stats.InjectedServerErrors.ShouldBe(2);
        client.GetLastApiInfo().RateLimit.Remaining.ShouldBe(4996, "an injected failure still spends quota");
    }

    [Fact]
    public async Task FailRandomly_FailsTheSameRequestsInEveryRunWithTheSameSeed()
    {
        async Task<string> PatternAsync()
        {
            await using var simulator = await GitHubSimulator.StartAsync();
            simulator.AddRepository("acme", "rocket", seed: 3);
            var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));
            simulator.Faults.FailRandomly(0.3, 503, seed: 42);
            var pattern = new char[40];
            for (var i = 0; i < pattern.Length; i++)
            {
                try
                {
                    await client.Repository.Traffic.GetClones("acme", "rocket", Octo.Daily);
                    pattern[i] = '.';
                }
                catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    pattern[i] = 'x';
                }
            }

            simulator.Stats.InjectedServerErrors.ShouldBe(pattern.Count(c => c == 'x'));
            return new string(pattern);
        }

        var first = await PatternAsync();
        var second = await PatternAsync();

        second.ShouldBe(first);
        first.ShouldContain('x');
        first.ShouldContain('.');
    }

    [Fact]
    public async Task AlwaysFail_BreaksOneRepository_AndLeavesTheOthersAlone()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "broken", seed: 1);
        var healthy = simulator.AddRepository("acme", "healthy", seed: 2);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));
        simulator.Faults.AlwaysFail("ACME/broken", 500);

        var get = await Should.ThrowAsync<ApiException>(() => client.Repository.Get("acme", "broken"));
        var views = await Should.ThrowAsync<ApiException>(() => client.Repository.Traffic.GetViews("acme", "broken", Octo.Daily));
        var fine = await client.Repository.Get("acme", "healthy");
        simulator.Faults.Clear();
        var recovered = await client.Repository.Get("acme", "broken");

        get.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        get.Message.ShouldBe("Server Error");
        views.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        fine.Id.ShouldBe(healthy.Id);
        recovered.Name.ShouldBe("broken");
    }

    [Fact]
    public async Task ExtraLatency_HoldsRequestsForThatRepositoryOnly()
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall });
        simulator.AddRepository("acme", "slow", seed: 1);
        simulator.AddRepository("acme", "fast", seed: 2);
        var client = Octo.WithToken(simulator, simulator.AddToken(canPushTo: "*"));
        simulator.Faults.AddLatency("acme/slow", TimeSpan.FromMinutes(1));

        var slow = client.Repository.Get("acme", "slow");
        await Eventually.TrueAsync(() => simulator.Stats.CurrentConcurrent == 1, "the slow request in flight");
        var fast = await client.Repository.Get("acme", "fast");

        fast.Name.ShouldBe("fast");
        slow.IsCompleted.ShouldBeFalse();
        simulator.Stats.CurrentConcurrent.ShouldBe(1);
        wall.Advance(TimeSpan.FromMinutes(1));
        (await slow).Name.ShouldBe("slow");
        simulator.Stats.MaxConcurrent.ShouldBe(2);
    }
}
