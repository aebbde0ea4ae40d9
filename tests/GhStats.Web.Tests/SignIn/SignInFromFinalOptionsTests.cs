using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using GhStats.Testing.Oidc;
using GhStats.Web.Tests.Harness;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>
/// Which sign-in schemes exist follows the final sign-in settings: configuration, then every code path (AddWeb's
/// delegate, ConfigureAuthentication before AddWeb, a later services.Configure or PostConfigure), never a guess taken
/// when AddWeb() ran.
/// </summary>
public sealed class SignInFromFinalOptionsTests(OidcProviderFixture fixture) : IClassFixture<OidcProviderFixture>
{
    private const string AppScheme = "LaterApp";

    private OidcProvider Provider => fixture.Provider;

    [Theory]
    [InlineData("services.Configure after AddWeb")]
    [InlineData("services.PostConfigure")]
    [InlineData("ConfigureAuthentication before AddWeb")]
    public async Task Oidc_SetOnlyInCode_SignsPeopleInEndToEnd(string way)
    {
        var clientId = "code-only-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var clientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var email = clientId + "@example.com";
        void Oidc(GhStatsAuthenticationOptions o)
        {
            o.Oidc.Authority = Provider.IssuerIdentifier;
            o.Oidc.ClientId = clientId;
            o.Oidc.ClientSecret = clientSecret;
            o.Oidc.RequireHttpsMetadata = false;
        }

        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?> { ["GhStats:Bootstrap:AdminEmails:0"] = email },
            ConfigureGhStats = way == "ConfigureAuthentication before AddWeb" ? ghStats => ghStats.ConfigureAuthentication(Oidc) : null,
            ConfigureServices = way switch
            {
                "services.Configure after AddWeb" => services => services.Configure<GhStatsAuthenticationOptions>(Oidc),
                "services.PostConfigure" => services => services.PostConfigure<GhStatsAuthenticationOptions>(Oidc),
                _ => null,
            },
        });
        await Provider.AddClientAsync(new OidcClient(clientId, clientSecret, [new Uri(app.Root, "signin-oidc")]));
        await Provider.AddAccountAsync(new OidcAccount(clientId + "-subject", email, EmailVerified: true, "Set In Code"));

        using var driver = new OidcSignInDriver();
        var result = await driver.SignInAsync(new Uri(app.Root, "signin"), email);

        result.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", result.Steps));
        result.Steps.ShouldContain(step => step.StartsWith("GET " + Provider.Issuer.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        using var response = await driver.Http.GetAsync(new Uri(app.Root, "api/v1/me"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var me = JsonDocument.Parse(body).RootElement;
        me.GetProperty("email").GetString().ShouldBe(email);
        me.GetProperty("systemRoles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
    }

    [Fact]
    public async Task Oidc_InConfiguration_ButRemovedInCode_RegistersNoOidcScheme()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:Authentication:Oidc:Authority"] = Provider.IssuerIdentifier,
                ["GhStats:Authentication:Oidc:ClientId"] = "never-used",
                ["GhStats:Authentication:Oidc:RequireHttpsMetadata"] = "false",
            },
            ConfigureServices = services => services.PostConfigure<GhStatsAuthenticationOptions>(o => o.Oidc.Authority = null),
        });

        (await app.Get<IAuthenticationSchemeProvider>().GetSchemeAsync(GhStatsAuthenticationSchemes.OpenIdConnect)).ShouldBeNull();
        using var caller = app.Anonymous();
        using var signIn = await caller.GetAsync("signin");
        signIn.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("No sign-in configured");
    }

    [Fact]
    public async Task HostScheme_SetInALaterPostConfigure_AnswersRefusalsWith403AndTheReason()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Prefix = "/stats",
            ConfigureServices = services =>
            {
                services.AddAuthentication().AddCookie(AppScheme);
                services.PostConfigure<GhStatsAuthenticationOptions>(o =>
                {
                    o.HostScheme = AppScheme;
                    o.AssumeEmailVerified = true;
                });
            },
            ConfigureApp = host => host.MapGet("/app/login", async (HttpContext context, string subject, string email) =>
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Email, email)], AppScheme);
                await context.SignInAsync(AppScheme, new ClaimsPrincipal(identity));
                return Results.Ok();
            }),
        });
        using var browser = new WebCaller(app.BaseAddress);
        using (var login = await browser.Http.GetAsync(new Uri(app.Root, "app/login?subject=late-1&email=late%40example.com")))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var page = await browser.GetAsync(string.Empty);

        // Without the refusal scheme the host's cookie handler would redirect to its access-denied page.
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).ShouldContain("There is no invitation for late@example.com");
        (await app.Get<IAuthenticationSchemeProvider>().GetSchemeAsync(GhStatsAuthenticationSchemes.HostForbidden)).ShouldNotBeNull();
    }
}
