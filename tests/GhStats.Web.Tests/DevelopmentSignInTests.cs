using GhStats.Testing;
using System.Net;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>The development sign-in exists only in Development, only for loopback requests without proxy headers, and says so.</summary>
public sealed class DevelopmentSignInTests(DevelopmentSignInTests.Apps apps) : IClassFixture<DevelopmentSignInTests.Apps>
{
    [Fact]
    public async Task InDevelopment_TheFormCarriesTheBanner()
    {
        using var response = await apps.Development.Anonymous().GetAsync("signin/development");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"dev-banner\"");
        html.ShouldContain("without a password");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldNotContain("unsafe-inline");
        html.ShouldNotContain("<style");
        html.ShouldNotContain("<script");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task InProduction_TheDevelopmentSignInDoesNotExist(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "signin/development");
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("email", apps.Admin.Email)]);
        }

        using var response = await apps.Production.Anonymous().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Forwarded-Host", "stats.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("X-Original-For", "203.0.113.9:4431")]
    public async Task BehindAProxy_TheDevelopmentSignInDoesNotExist(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "signin/development");
        request.Headers.Add(header, value);

        using var response = await apps.Development.Anonymous().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WithKnownProxiesConfigured_TheDevelopmentSignInDoesNotExist_EvenWithoutProxyHeaders()
    {
        await using var proxied = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            Settings = new Dictionary<string, string?> { ["GhStats:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" },
        });

        using var form = await proxied.Anonymous().GetAsync("signin/development");
        using var signIn = await proxied.Anonymous().GetAsync("signin");

        form.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        signIn.StatusCode.ShouldBe(HttpStatusCode.NotFound, "no sign-in is offered at all");
        proxied.Logs.Warnings.ShouldContain(w => w.Message.Contains("behind configured proxies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmailNobodyInvited_IsRefused()
    {
        var caller = apps.Development.Anonymous();
        var fields = await FormFieldsAsync(caller);
        fields["email"] = "stranger@example.com";

        using var response = await caller.Http.PostAsync("signin/development", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no invitation for stranger@example.com");
    }

    [Theory]
    [InlineData("a@")]
    [InlineData("@example.com")]
    [InlineData("two words@example.com")]
    [InlineData("")]
    public async Task ANonEmail_IsRefusedByTheFormWithItsMessage(string email)
    {
        var caller = apps.Development.Anonymous();
        var fields = await FormFieldsAsync(caller);
        fields["email"] = email;

        using var response = await caller.Http.PostAsync("signin/development", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Enter an email address such as admin@localhost.");
        html.ShouldContain("id=\"dev-signin\"");
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task AReturnAddressOffTheSite_IsReplacedByTheStartPage(string returnUrl)
    {
        var caller = apps.Development.Anonymous();
        var fields = await FormFieldsAsync(caller);
        fields["email"] = apps.Admin.Email;
        fields["returnUrl"] = returnUrl;

        using var response = await caller.Http.PostAsync("signin/development", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.ShouldBe("/");
    }

    private static async Task<Dictionary<string, string>> FormFieldsAsync(WebCaller caller)
    {
        using var form = await caller.GetAsync("signin/development");
        var html = await form.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    /// <summary>One app in Development and one in Production, each with an admin.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        public WebApp Development { get; private set; } = null!;

        public WebApp Production { get; private set; } = null!;

        public SeededUser Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Development = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            Production = await WebApp.StartAsync(new WebAppOptions { Environment = "Production" });
            Admin = await Development.CreateUserAsync("admin@dev-signin.example", Domain.SystemRole.Admin);
            await Production.CreateUserAsync(Admin.Email, Domain.SystemRole.Admin);
        }

        public async Task DisposeAsync()
        {
            if (Development is not null)
            {
                await Development.DisposeAsync();
            }

            if (Production is not null)
            {
                await Production.DisposeAsync();
            }
        }
    }
}
