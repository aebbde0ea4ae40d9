using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>
/// samples/GhStats.EmbeddedSample as a real process: an app with its own pages and its own cookie sign-in that mounts
/// GhStats under /stats, whose users become GhStats profiles (README "Embed it").
/// </summary>
public sealed partial class EmbeddedSampleTests(EmbeddedSampleTests.SampleApp app) : IClassFixture<EmbeddedSampleTests.SampleApp>
{
    [Fact]
    public async Task TheAppsHomePage_IsTheAppsOwn()
    {
        using var caller = app.Caller();

        using var home = await caller.GetAsync(new Uri("/", UriKind.Relative));

        var page = await home.Content.ReadAsStringAsync();
        home.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("id=\"sample-home\"");
        page.ShouldNotContain("id=\"page-title\"");
    }

    [Fact]
    public async Task HealthAndReadiness_AnswerUnderThePrefix()
    {
        using var caller = app.Caller();

        using var health = await caller.GetAsync(new Uri("/stats/healthz", UriKind.Relative));
        using var ready = await caller.GetAsync(new Uri("/stats/readyz", UriKind.Relative));

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK, app.Process.Output);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("ready");
    }

    [Fact]
    public async Task AnAnonymousVisitToStats_GoesToTheAppsSignInPage_NotGhStats()
    {
        using var caller = app.Caller();

        using var stats = await caller.GetAsync(new Uri("/stats/", UriKind.Relative));

        stats.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(app.Process.Address, stats.Headers.Location!);
        location.AbsolutePath.ShouldBe("/account/signin");
        Uri.UnescapeDataString(location.Query).ShouldBe("?ReturnUrl=/stats/");
    }

    [Fact]
    public async Task TheBootstrapAdmin_SignedInByTheApp_GetsTheGhStatsOverviewAsAnAdmin()
    {
        using var caller = app.Caller();
        using var signIn = await SignInThroughTheAppAsync(caller, "alice@example.com");
        signIn.Headers.Location!.OriginalString.ShouldBe("/stats/");

        using var overview = await caller.GetAsync(new Uri("/stats/", UriKind.Relative));
        var page = await overview.Content.ReadAsStringAsync();
        using var me = await caller.GetAsync(new Uri("/stats/api/v1/me", UriKind.Relative));
        var stylesheet = StylesheetLink().Match(page);
        stylesheet.Success.ShouldBeTrue($"The overview links no stylesheet:\n{page}");
        using var css = await caller.GetAsync(new Uri(WebUtility.HtmlDecode(stylesheet.Value), UriKind.Relative));

        overview.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("id=\"page-title\"");
        var profile = await HostSession.ReadAsync<ApiWire.Me>(me, HttpStatusCode.OK);
        profile.Email.ShouldBe("alice@example.com");
        profile.SystemRoles.ShouldBe(["admin"]);
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
    }

    [Fact]
    public async Task ADemoUserWhoIsNotInvited_IsRefusedWith403_ButStaysSignedInToTheApp()
    {
        using var caller = app.Caller();
        using var signIn = await SignInThroughTheAppAsync(caller, "bob@example.com");

        using var stats = await caller.GetAsync(new Uri("/stats/", UriKind.Relative));
        using var me = await caller.GetAsync(new Uri("/stats/api/v1/me", UriKind.Relative));
        using var home = await caller.GetAsync(new Uri("/", UriKind.Relative));

        stats.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stats.Content.ReadAsStringAsync()).ShouldContain("There is no invitation for bob@example.com");
        me.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await home.Content.ReadAsStringAsync()).ShouldContain("Signed in as Bob Builder");
    }

    [Fact]
    public void TheApp_StartsWithoutALoggedFailure()
    {
        // Data Protection's hosted service reads the key ring from GhStats' tables at start; the schema must be there first.
        app.Process.Output.ShouldNotContain("fail:");
    }

    /// <summary>The app's own form: loads it (antiforgery field and cookie), picks a demo user, and expects the redirect back.</summary>
    private static async Task<HttpResponseMessage> SignInThroughTheAppAsync(HttpClient caller, string email)
    {
        using var form = await caller.GetAsync(new Uri("/account/signin?ReturnUrl=%2Fstats%2F", UriKind.Relative));
        var page = await form.Content.ReadAsStringAsync();
        form.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var token = AntiforgeryField().Match(page);
        token.Success.ShouldBeTrue($"The app's sign-in form has no antiforgery field:\n{page}");
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["returnUrl"] = "/stats/",
            ["email"] = email,
        });

        var answer = await caller.PostAsync(new Uri("/account/signin", UriKind.Relative), fields);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        return answer;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("/stats/assets/ghstats\\.css\\?[^\"]+")]
    private static partial Regex StylesheetLink();

    /// <summary>The sample, started once in Development (its demo users exist only there) with its own SQLite file.</summary>
    public sealed class SampleApp : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-embedded-").FullName;

        internal HostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Process = await HostProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["GhStats__Sqlite__ConnectionString"] = $"Data Source={Path.Combine(_folder, "ghstats.db")}",
                },
                assembly: HostProcess.EmbeddedSampleAssembly,
                healthPath: "stats/healthz");

        /// <summary>A browser-like caller: its own cookie jar, redirects not followed.</summary>
        public HttpClient Caller() =>
            new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
            {
                BaseAddress = Process.Address,
                Timeout = TimeSpan.FromSeconds(30),
            };

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
