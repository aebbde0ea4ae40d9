using System.Net;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>
/// Every place a return address is taken (the development sign-in form and its POST, /signin's redirect to it, the
/// host scheme's challenge) ends a hostile address at GhStats' start page, and keeps a good one.
/// </summary>
public sealed class ReturnUrlTests(ReturnUrlTests.Apps apps) : IClassFixture<ReturnUrlTests.Apps>
{
    /// <summary>Raw return addresses, as they arrive after the query or form is decoded.</summary>
    public static TheoryData<string> Hostile() => [.. HostileUrls];

    /// <summary>The catalogue less the NUL, which ASP.NET Core's form reader refuses outright (see the test below).</summary>
    public static TheoryData<string> HostileInAForm() => [.. HostileUrls.Where(url => !url.Contains('\0', StringComparison.Ordinal))];

    private static readonly string[] HostileUrls =
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\0/evil.example",
        "/\u007f/evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "/%2f%2fevil.example",
        "/%2F%2Fevil.example",
        "/%5cevil.example",
        "/%09/evil.example",
        "https://evil.example/",
        "//evil.example/steal",
        "///evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/stats/../evil",
        "/stats/%2e%2e/evil",
        " /evil",
    ];

    [Theory]
    [MemberData(nameof(HostileInAForm))]
    public async Task DevelopmentSignIn_EndsAHostileReturnAddress_AtTheStartPage(string returnUrl)
    {
        using var response = await SignInAsync(apps.AtRoot, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task DevelopmentSignIn_WithANulInTheForm_IsABadRequest_WithNoRedirect()
    {
        using var response = await SignInAsync(apps.AtRoot, "/\0/evil.example");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(HostileInAForm))]
    [InlineData("/")]
    [InlineData("/elsewhere/on/the/site")]
    [InlineData("/stat")]
    [InlineData("/statsx/")]
    public async Task UnderAPrefix_AReturnAddressOutsideThePrefix_EndsAtTheModulesStartPage(string returnUrl)
    {
        using var response = await SignInAsync(apps.UnderPrefix, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/stats/");
    }

    [Theory]
    [InlineData("/stats", "/stats")]
    [InlineData("/stats/repos?tenant=a&range=30", "/stats/repos?tenant=a&range=30")]
    [InlineData("/STATS/runs", "/STATS/runs")]
    public async Task UnderAPrefix_AnAddressOfTheModule_IsKept(string returnUrl, string expected)
    {
        using var response = await SignInAsync(apps.UnderPrefix, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task TheSignInRedirect_ToTheDevelopmentForm_CarriesOnlyASafeAddress(string returnUrl)
    {
        using var response = await apps.AtRoot.Anonymous().GetAsync("signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/signin/development?returnUrl=%2F");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task TheDevelopmentForm_CarriesOnlyASafeAddress(string returnUrl)
    {
        using var response = await apps.AtRoot.Anonymous().GetAsync("signin/development?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("name=\"returnUrl\" value=\"/\"");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task TheHostSchemesChallenge_IsGivenOnlyASafeAddress(string returnUrl)
    {
        using var response = await apps.Embedded.Anonymous().GetAsync("signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = response.Headers.Location!;
        login.AbsolutePath.ShouldBe("/app/login");
        System.Web.HttpUtility.ParseQueryString(login.Query)["ReturnUrl"].ShouldBe("/stats/");
    }

    [Fact]
    public async Task TheHostSchemesChallenge_KeepsAnAddressOfTheModule()
    {
        using var response = await apps.Embedded.Anonymous().GetAsync("signin?returnUrl=" + Uri.EscapeDataString("/stats/repos"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["ReturnUrl"].ShouldBe("/stats/repos");
    }

    private async Task<HttpResponseMessage> SignInAsync(WebApp app, string returnUrl)
    {
        var caller = app.Anonymous();
        using var form = await caller.GetAsync("signin/development");
        var html = await form.Content.ReadAsStringAsync();
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["email"] = Apps.Admin;
        fields["returnUrl"] = returnUrl;
        return await caller.Http.PostAsync("signin/development", new FormUrlEncodedContent(fields));
    }

    /// <summary>Development apps at the root and under "/stats", and an app embedding GhStats under "/stats" with its own scheme.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        public const string Admin = "admin@return-url.example";

        public WebApp AtRoot { get; private set; } = null!;

        public WebApp UnderPrefix { get; private set; } = null!;

        public WebApp Embedded { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // The catalogue signs in far more often than a person does; the sign-in limit has its own tests.
            var bootstrap = new Dictionary<string, string?> { ["GhStats:Bootstrap:AdminEmails:0"] = Admin, ["GhStats:RateLimits:SignIn:PermitLimit"] = "0" };
            AtRoot = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", Settings = bootstrap });
            UnderPrefix = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", Prefix = "/stats", Settings = bootstrap });
            Embedded = await WebApp.StartAsync(new WebAppOptions
            {
                Prefix = "/stats",
                Settings = new Dictionary<string, string?> { ["GhStats:Authentication:HostScheme"] = "ExistingApp", ["GhStats:RateLimits:SignIn:PermitLimit"] = "0" },
                ConfigureServices = services => services.AddAuthentication().AddCookie("ExistingApp", o => o.LoginPath = "/app/login"),
            });
        }

        public async Task DisposeAsync()
        {
            foreach (var app in new[] { AtRoot, UnderPrefix, Embedded })
            {
                if (app is not null)
                {
                    await app.DisposeAsync();
                }
            }
        }
    }
}
