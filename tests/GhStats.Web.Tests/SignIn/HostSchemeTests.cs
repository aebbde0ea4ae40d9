using System.Net;
using System.Security.Claims;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>Embedded in an app with its own authentication, GhStats maps the app's principal to a profile as a sign-in would.</summary>
public sealed class HostSchemeTests : IAsyncLifetime
{
    private const string AppScheme = "ExistingApp";
    private WebApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await WebApp.StartAsync(new WebAppOptions
        {
            Prefix = "/stats",
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:Authentication:HostScheme"] = AppScheme,
                ["GhStats:Authentication:AssumeEmailVerified"] = "true",
            },
            ConfigureServices = services => services.AddAuthentication().AddCookie(AppScheme),
            ConfigureApp = app =>
            {
                // The existing app's principals may carry claims of any name, even GhStats' own: here one its user chose.
                app.MapGet("/app/login-with-claim", async (HttpContext context, string subject, string email, string uid) =>
                {
                    var identity = new ClaimsIdentity(
                        [new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Email, email), new Claim(GhStatsClaimTypes.UserId, uid)], AppScheme);
                    await context.SignInAsync(AppScheme, new ClaimsPrincipal(identity));
                    return Results.Ok();
                });
                app.MapGet("/app/login", async (HttpContext context, string subject, string email) =>
                {
                    // The existing app's own sign-in: its claims, its scheme, nothing of GhStats.
                    var identity = new ClaimsIdentity(
                        [new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Name, subject)], AppScheme);
                    await context.SignInAsync(AppScheme, new ClaimsPrincipal(identity));
                    return Results.Ok();
                });
            },
        });

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task AnInvitedUserOfTheApp_GetsAProfile_WithTheInvitedRole()
    {
        var tenant = await _app.CreateTenantAsync("embedded-co");
        await _app.Get<IMembershipStore>().InviteAsync(tenant.Id, "eve@example.com", TenantRole.Owner);
        using var browser = await SignedInAsync("eve-42", "eve@example.com");

        var me = await browser.GetJsonAsync("api/v1/me");

        me.GetProperty("tenants").EnumerateArray().Single().GetProperty("role").GetString().ShouldBe("owner");
        var profile = await _app.Get<IUserStore>().FindByIdentityAsync("urn:ghstats:host", "eve-42");
        profile.ShouldNotBeNull().Id.ShouldBe(me.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task AnUninvitedUserOfTheApp_SeesNothing_AndGetsNoProfile()
    {
        var tenant = await _app.CreateTenantAsync("private-co");
        await _app.TrackAsync(tenant, "secret-owner", "secret-repo");
        using var browser = await SignedInAsync("walt-7", "walt@example.com");

        using var response = await browser.GetAsync("api/v1/repos");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("secret-repo");
        (await _app.Get<IUserStore>().FindByIdentityAsync("urn:ghstats:host", "walt-7")).ShouldBeNull();
    }

    [Fact]
    public async Task AnUninvitedUserOfTheApp_GetsA403WithTheReason_NotTheAppsAccessDeniedRedirect()
    {
        using var browser = await SignedInAsync("mallory-9", "mallory@example.com");

        using var page = await browser.GetAsync(string.Empty);
        using var api = await browser.GetAsync("api/v1/me");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).ShouldContain("There is no invitation for mallory@example.com");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AGhStatsUserIdClaim_OnTheAppsPrincipal_IsNotTrusted()
    {
        var admin = await _app.CreateUserAsync("admin@embedded.example", SystemRole.Admin);
        var tenant = await _app.CreateTenantAsync("admins-only");
        await _app.TrackAsync(tenant, "admin-owner", "admin-repo");
        var tenantCount = (await _app.As(admin).GetJsonAsync("api/v1/tenants")).GetArrayLength();
        tenantCount.ShouldBe(1);
        var browser = new WebCaller(_app.BaseAddress);
        var uid = admin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var login = await browser.Http.GetAsync(new Uri(_app.Root, $"app/login-with-claim?subject=forger-1&email=forger%40example.com&uid={uid}"));
        login.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var me = await browser.GetAsync("api/v1/me");
        using var tenants = await browser.GetAsync("api/v1/tenants");
        using var repos = await browser.GetAsync("api/v1/repos");

        me.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the app's user has no GhStats invitation, whatever claim it carries");
        (await me.Content.ReadAsStringAsync()).ShouldNotContain("admin@embedded.example");
        tenants.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await repos.Content.ReadAsStringAsync()).ShouldNotContain("admin-repo");
    }

    private async Task<WebCaller> SignedInAsync(string subject, string email)
    {
        var caller = new WebCaller(_app.BaseAddress);
        using var login = await caller.Http.GetAsync(new Uri(_app.Root, $"app/login?subject={subject}&email={Uri.EscapeDataString(email)}"));
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return caller;
    }
}
