using System.Net;
using System.Net.Sockets;
using GhStats.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.GitHub;

public sealed class GitHubSimulatorTests
{
    [Fact]
    public async Task Simulator_ListensOnLoopbackOnly_AndStopsListeningWhenDisposed()
    {
        var simulator = await GitHubSimulator.StartAsync();
        var address = new Uri(simulator.BaseAddress);

        address.Scheme.ShouldBe("http");
        address.Host.ShouldBe("127.0.0.1");
        address.AbsolutePath.ShouldBe("/");
        using (var open = new TcpClient())
        {
            await open.ConnectAsync(IPAddress.Loopback, address.Port);
            open.Connected.ShouldBeTrue();
        }

        await simulator.DisposeAsync();
        await simulator.DisposeAsync();

        using var closed = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => closed.ConnectAsync(IPAddress.Loopback, address.Port));
    }

    [Fact]
    public async Task Dispose_DropsRequestsStillWaitingOutTheirLatency()
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { WallClock = wall, Latency = TimeSpan.FromHours(1) });
        simulator.AddRepository("acme", "rocket", seed: 3);
        var held = Octo.WithToken(simulator, simulator.AddToken()).Repository.Get("acme", "rocket");
        await Eventually.TrueAsync(() => simulator.Stats.CurrentConcurrent == 1, "the request in flight");

        // Generous bound: without dropping held requests, stopping would wait for Kestrel's 30-second shutdown timeout.
        await simulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        await Should.ThrowAsync<HttpRequestException>(() => held);
        simulator.Stats.CurrentConcurrent.ShouldBe(0);
    }

    [Fact]
    public async Task PathsOutsideApiV3_AreNotFound_EvenForAValidToken()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        using var http = new HttpClient { BaseAddress = new Uri(simulator.BaseAddress) };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + simulator.AddToken(canPushTo: "*"));

        using var outside = await http.GetAsync(new Uri("repos/acme/rocket", UriKind.Relative));
        using var inside = await http.GetAsync(new Uri("api/v3/repos/acme/rocket", UriKind.Relative));

        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        inside.StatusCode.ShouldBe(HttpStatusCode.OK);
        inside.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        inside.Headers.GetValues("X-RateLimit-Resource").ShouldBe(["core"]);
        inside.Headers.GetValues("X-RateLimit-Used").ShouldBe(["2"], "the authenticated 404 counted too, as on GitHub");
        simulator.Stats.Requests(SimulatedEndpoint.Unknown).ShouldBe(1);
    }

    [Fact]
    public async Task Stats_CountByEndpointAndToken_AndResetToZero()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        simulator.AddRepository("acme", "rocket", seed: 3);
        var alice = simulator.AddToken(canPushTo: "*");
        var bob = simulator.AddToken(canPushTo: "*");

        await Octo.WithToken(simulator, alice).Repository.Traffic.GetViews("acme", "rocket", Octo.Daily);
        await Octo.WithToken(simulator, alice).Repository.Traffic.GetClones("acme", "rocket", Octo.Daily);
        await Octo.WithToken(simulator, bob).Repository.Get("acme", "rocket");

        simulator.Stats.TotalRequests.ShouldBe(3);
        simulator.Stats.Requests(SimulatedEndpoint.Views).ShouldBe(1);
        simulator.Stats.Requests(SimulatedEndpoint.Clones).ShouldBe(1);
        simulator.Stats.Requests(SimulatedEndpoint.Repository).ShouldBe(1);
        simulator.Stats.Requests(SimulatedEndpoint.Referrers).ShouldBe(0);
        simulator.Stats.RequestsByToken.ShouldBe(new Dictionary<string, long> { [alice] = 2, [bob] = 1 }, ignoreOrder: true);
        simulator.Stats.MaxConcurrent.ShouldBe(1);

        simulator.Stats.Reset();

        simulator.Stats.TotalRequests.ShouldBe(0);
        simulator.Stats.Requests(SimulatedEndpoint.Views).ShouldBe(0);
        simulator.Stats.RequestsFor(alice).ShouldBe(0);
        simulator.Stats.RequestsByToken.ShouldBeEmpty();
        simulator.Stats.MaxConcurrent.ShouldBe(0);
    }

    [Fact]
    public async Task Tokens_AreDeterministic_AndDistinct()
    {
        await using var first = await GitHubSimulator.StartAsync();
        await using var second = await GitHubSimulator.StartAsync();

        var a = first.AddToken();
        var b = first.AddToken();

        a.ShouldStartWith("ghp_");
        a.Length.ShouldBe(40);
        b.ShouldNotBe(a);
        second.AddToken().ShouldBe(a);
        Should.Throw<InvalidOperationException>(() => first.AddToken(a));
    }

    [Fact]
    public async Task AddingTheSameRepositoryTwice_Throws_IgnoringCase()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var added = simulator.AddRepository("acme", "rocket", seed: 3);

        Should.Throw<InvalidOperationException>(() => simulator.AddRepository("ACME", "Rocket", seed: 4));
        simulator.Repository("Acme", "ROCKET").ShouldBeSameAs(added);
        Should.Throw<KeyNotFoundException>(() => simulator.Repository("acme", "missing"));
    }
}
