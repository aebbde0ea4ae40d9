using System.Net;
using System.Security.Claims;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>
/// Session cookies: Secure and <c>__Host-</c>/<c>__Secure-</c> named behind a configured TLS-terminating proxy, an absolute
/// lifetime beside the sliding one, and server-side revocation that every replica of the same database honours.
/// </summary>
public sealed class SessionTests
{
    private const string Admin = "admin@sessions.example";

    [Fact]
    public async Task BehindAKnownProxy_OverHttps_AtTheRoot_TheCookieIsSecureAndHostPrefixed()
    {
        await using var app = await StartWithCookieEndpointAsync(prefix: "", proxies: "127.0.0.1");

        var cookie = await SessionCookieAsync(app, forwardedProto: "https");

        cookie.ShouldStartWith("__Host-GhStats.Session=");
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("path=/;", Case.Insensitive);
        cookie.ShouldNotContain("domain=", Case.Insensitive);
    }

    [Fact]
    public async Task BehindAKnownProxy_OverHttps_UnderAPrefix_TheCookieIsSecurePrefixed_AndScopedToThePrefix()
    {
        await using var app = await StartWithCookieEndpointAsync(prefix: "/stats", proxies: "127.0.0.1");

        var cookie = await SessionCookieAsync(app, forwardedProto: "https");

        cookie.ShouldStartWith("__Secure-GhStats.Session=");
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("path=/stats", Case.Insensitive);
    }

    [Fact]
    public async Task WithoutConfiguredProxies_AForwardedProtoIsNotTrusted()
    {
        await using var app = await StartWithCookieEndpointAsync(prefix: "", proxies: null);

        var cookie = await SessionCookieAsync(app, forwardedProto: "https");

        cookie.ShouldStartWith(".GhStats.Session=");
        cookie.ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task ASession_EndsAtItsAbsoluteLifetime_HoweverActive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            Clock = clock,
            Settings = new Dictionary<string, string?> { ["GhStats:Bootstrap:AdminEmails:0"] = Admin },
        });
        var browser = await app.SignInAsync(Admin);

        // Active every 6 hours (inside the 8-hour idle timeout) for 162 hours: the sliding expiry keeps it alive.
        for (var hours = 6; hours <= 162; hours += 6)
        {
            clock.Advance(TimeSpan.FromHours(6));
            using var alive = await browser.GetAsync("api/v1/me");
            alive.StatusCode.ShouldBe(HttpStatusCode.OK, $"{hours} hours after sign-in");
        }

        clock.Advance(TimeSpan.FromHours(7));
        using var ended = await browser.GetAsync("api/v1/me");

        ended.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "169 hours after sign-in, past the 7-day absolute lifetime");
    }

    [Fact]
    public async Task SigningOutOnOneReplica_EndsTheSessionOnAnother()
    {
        await using var replicas = await Replicas.StartAsync();
        var session = await replicas.First.SignInAsync(Admin);
        using var onSecond = replicas.CopyToSecond(session);
        (await onSecond.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var signedOut = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "signout"));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var refused = await onSecond.GetAsync("api/v1/me");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RemovingAMemberOnOneReplica_EndsTheirSessionOnAnother()
    {
        await using var replicas = await Replicas.StartAsync();
        var owner = await replicas.First.SignInAsync(Admin);
        var tenant = await replicas.First.CreateTenantAsync("session-co");
        var member = await replicas.First.CreateUserAsync("member@sessions.example");
        await replicas.First.AddMemberAsync(tenant, member, TenantRole.Viewer);
        var memberSession = await replicas.Second.SignInAsync(member.Email);
        (await memberSession.GetAsync("api/v1/tenants/session-co")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var removed = await owner.DeleteAsync($"api/v1/tenants/session-co/members/{member.Email}");
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var refused = await memberSession.GetAsync("api/v1/me");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokingARoleOnOneReplica_EndsTheSessionOnAnother()
    {
        await using var replicas = await Replicas.StartAsync();
        var maintainer = await replicas.First.CreateUserAsync("maintainer@sessions.example", SystemRole.Maintainer);
        var session = await replicas.Second.SignInAsync(maintainer.Email);
        (await session.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await replicas.First.Get<IUserStore>().RemoveSystemRoleAsync(maintainer.Id, SystemRole.Maintainer)).ShouldBeTrue();
        using var refused = await session.GetAsync("api/v1/me");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ASessionOfAnotherPerson_OutlivesSomeoneElsesSignOut()
    {
        await using var replicas = await Replicas.StartAsync();
        var admin = await replicas.First.SignInAsync(Admin);
        var other = await replicas.First.CreateUserAsync("other@sessions.example", SystemRole.Maintainer);
        var otherSession = await replicas.Second.SignInAsync(other.Email);

        using var signedOut = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "signout"));
        using var stillThere = await otherSession.GetAsync("api/v1/me");

        stillThere.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<WebApp> StartWithCookieEndpointAsync(string prefix, string? proxies)
    {
        var settings = new Dictionary<string, string?>();
        if (proxies is not null)
        {
            settings["GhStats:ForwardedHeaders:KnownProxies:0"] = proxies;
        }

        return WebApp.StartAsync(new WebAppOptions
        {
            Prefix = prefix,
            Settings = settings,

            // Writes a GhStats session as the sign-in does, so the test sees the cookie the handler sends.
            ConfigureApp = app => app.MapGet("/test/session", async (HttpContext context) =>
            {
                await context.SignInAsync(GhStatsAuthenticationSchemes.Cookie,
                    new ClaimsPrincipal(new ClaimsIdentity([new Claim(GhStatsClaimTypes.UserId, "1")], GhStatsAuthenticationSchemes.Cookie)));
                return Results.Ok();
            }),
        });
    }

    private static async Task<string> SessionCookieAsync(WebApp app, string forwardedProto)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Root, "test/session"));
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("GhStats.Session", StringComparison.Ordinal));
    }

    /// <summary>Two Development replicas of one database that re-read session stamps on every request.</summary>
    private sealed class Replicas : IAsyncDisposable
    {
        private Replicas(WebApp first, WebApp second)
        {
            First = first;
            Second = second;
        }

        public WebApp First { get; }

        public WebApp Second { get; }

        public static async Task<Replicas> StartAsync()
        {
            var settings = new Dictionary<string, string?>
            {
                ["GhStats:Bootstrap:AdminEmails:0"] = Admin,
                ["GhStats:Authentication:SessionCheckInterval"] = "00:00:00",
            };
            var first = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", Settings = settings });
            var second = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", Settings = settings, DatabasePath = first.DatabasePath });
            return new Replicas(first, second);
        }

        /// <summary>The same cookies, sent to the second replica (cookies are per host, not per port, so the copy is explicit).</summary>
        public WebCaller CopyToSecond(WebCaller session)
        {
            var copy = new WebCaller(Second.BaseAddress);
            copy.Cookies.Add(session.Cookies.GetAllCookies());
            return copy;
        }

        public async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
    }
}
