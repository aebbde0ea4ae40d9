using GhStats.Testing;
using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>MapGhStats("/stats") puts everything under the prefix and nothing at the root; MapGhStats without its services says what is missing.</summary>
public sealed class PrefixTests(PrefixTests.StatsApp fixture) : IClassFixture<PrefixTests.StatsApp>
{
    [Theory]
    [InlineData("stats/healthz")]
    [InlineData("stats/readyz")]
    [InlineData("stats/openapi/ghstats.json")]
    public async Task UnderThePrefix_TheModuleAnswers(string path)
    {
        using var response = await fixture.Root.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task UnderThePrefix_TheApiAnswersATokenAndRefusesAnonymousCallers()
    {
        var me = await fixture.User.GetJsonAsync("api/v1/me");
        me.GetProperty("email").GetString().ShouldBe(fixture.Seeded.Email);

        using var anonymous = await fixture.Root.GetAsync("stats/api/v1/me");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task TheOpenApiDocument_ListsTheRoutesUnderThePrefix()
    {
        using var response = await fixture.Root.GetAsync("stats/openapi/ghstats.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths")
            .EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldContain("/stats/api/v1/me");
        paths.ShouldContain("/stats/api/v1/repos/{id}/traffic");
        paths.ShouldContain("/stats/api/v1/collect");
        paths.ShouldAllBe(p => p.StartsWith("/stats/api/v1/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api/v1/me")]
    [InlineData("healthz")]
    [InlineData("readyz")]
    [InlineData("openapi/ghstats.json")]
    [InlineData("signin")]
    public async Task AtTheRoot_NothingAnswers(string path)
    {
        using var response = await fixture.Root.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASignedOutVisitor_IsSentToTheSignInUnderThePrefix()
    {
        using var response = await fixture.Root.GetAsync("stats/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location.ShouldNotBeNull();
        location.AbsolutePath.ShouldBe("/stats/signin");
        Uri.UnescapeDataString(location.Query).ShouldBe("?ReturnUrl=/stats/");
    }

    [Fact]
    public async Task MapGhStats_WithoutAddWeb_SaysToAddAddWeb()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => WebApp.StartAsync(new WebAppOptions { AddWeb = false }));

        failure.Message.ShouldContain(".AddWeb()");
    }

    [Fact]
    public async Task MapGhStats_WithoutAddGhStats_SaysToCallAddGhStats()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => WebApp.StartAsync(new WebAppOptions { AddGhStats = false }));

        failure.Message.ShouldContain("AddGhStats(");
        failure.Message.ShouldContain("MapGhStats()");
    }

    /// <summary>One app mapped at "/stats", a user with a token, and a client at the server's root.</summary>
    public sealed class StatsApp : IAsyncLifetime
    {
        private WebApp? _app;

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public SeededUser Seeded { get; private set; } = null!;

        public WebCaller User { get; private set; } = null!;

        /// <summary>A client at the server's root, not the prefix, so tests can show what the root answers.</summary>
        public WebCaller Root { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions { Prefix = "/stats" });
            Seeded = await App.CreateUserAsync("prefix-user@example.com");
            User = App.As(Seeded);
            Root = new WebCaller(App.Root);
        }

        public async Task DisposeAsync()
        {
            Root?.Dispose();
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
