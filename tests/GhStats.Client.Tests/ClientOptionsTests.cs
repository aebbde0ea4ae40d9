using GhStats.Client.Models;
using GhStats.Client.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Client.Tests;

/// <summary>Making a client: checked options, the dependency-injection path with handlers the app adds, a prefixed server, and secrets kept out of text.</summary>
public sealed class ClientOptionsTests
{
    [Fact]
    public void Create_WithoutAddressOrToken_NamesBothProblems()
    {
        var error = Should.Throw<ArgumentException>(() => GhStatsClient.Create(new GhStatsClientOptions()));

        error.Message.ShouldContain("GhStatsClientOptions.BaseAddress is missing");
        error.Message.ShouldContain("GhStatsClientOptions.Token is missing");
    }

    [Fact]
    public void Create_WithSomethingElseAsToken_SaysSo_WithoutEchoingIt()
    {
        var error = Should.Throw<ArgumentException>(() => GhStatsClient.Create(new GhStatsClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:5080/"),
            Token = "ghp_a-github-token-pasted-here",
            Timeout = TimeSpan.Zero,
        }));

        error.Message.ShouldContain("is not a GhStats personal API token: those start with 'ghst_'");
        error.Message.ShouldContain("GhStatsClientOptions.Timeout must be positive");
        error.Message.ShouldNotContain("ghp_a-github-token-pasted-here");
    }

    [Fact]
    public void Create_WithARelativeAddress_SaysWhatAnAddressLooksLike()
    {
        var error = Should.Throw<ArgumentException>(() => GhStatsClient.Create(new GhStatsClientOptions
        {
            BaseAddress = new Uri("stats/", UriKind.Relative),
            Token = "ghst_x",
        }));

        error.Message.ShouldContain("must be an absolute http or https address such as http://127.0.0.1:5080/, not 'stats/'");
    }

    [Fact]
    public void AddGhStatsClient_ChecksTheOptions_WhenTheClientIsMade()
    {
        var services = new ServiceCollection();
        services.AddGhStatsClient(options => options.BaseAddress = new Uri("http://127.0.0.1:5080/"));
        using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IGhStatsClient>());

        error.Message.ShouldContain("GhStatsClientOptions.Token is missing");
    }

    [Fact]
    public async Task AddGhStatsClient_CallsTheServer_ThroughAHandlerTheAppAdds()
    {
        await using var server = await GhStatsServer.StartAsync();
        var user = await server.CreateUserAsync("di@client.example");
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddGhStatsClient(options =>
            {
                options.BaseAddress = server.BaseAddress;
                options.Token = user.Token;
            })
            .AddHttpMessageHandler(() => new WatchingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        var me = await provider.GetRequiredService<IGhStatsClient>().GetMeAsync();

        me.Id.ShouldBe(user.Id);
        seen.ShouldBe([$"GET /api/v1/me Bearer"]);
    }

    [Fact]
    public async Task AServerMountedUnderAPrefix_IsCalledThere()
    {
        await using var server = await GhStatsServer.StartAsync(prefix: "/stats");
        var user = await server.CreateUserAsync("prefix@client.example");
        using var client = server.ClientFor(user);

        server.BaseAddress.AbsolutePath.ShouldBe("/stats/");
        (await client.GetMeAsync()).Email.ShouldBe("prefix@client.example");
    }

    [Fact]
    public void Records_WithSecrets_DoNotPrintThem()
    {
        var created = new CreatedApiToken(1, "nightly", "ghst_secret-value", DateTimeOffset.UnixEpoch, null);
        var connection = CreateConnectionRequest.App(1, 2, "-----BEGIN RSA PRIVATE KEY-----secret");

        created.ToString().ShouldNotContain("secret-value");
        created.ToString().ShouldContain("Name = nightly");
        connection.ToString().ShouldNotContain("-----BEGIN");
        CreateConnectionRequest.PersonalAccessToken("ghp_secret").ToString().ShouldNotContain("ghp_secret");
    }

    private sealed class WatchingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {request.Headers.Authorization?.Scheme}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
