using System.Net;
using System.Text.RegularExpressions;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Ui;

/// <summary>
/// Every page for every kind of caller: what the menu offers and what the server answers. A page outside a role is
/// both hidden from the menu and refused (403 for a role too weak, 404 for what the caller cannot see at all).
/// </summary>
public sealed partial class PageAccessTests(PageWorld world) : IClassFixture<PageWorld>
{
    // page, then the expected status for: admin, maintainer, owner, viewer, grantee, outsider.
    public static TheoryData<string, string, int> Matrix()
    {
        var pages = new (string Page, int[] Statuses)[]
        {
            ("", [200, 200, 200, 200, 200, 200]),
            ("repos/{repo}", [200, 404, 200, 200, 200, 404]),
            ("manage/repositories", [200, 403, 200, 403, 403, 200]),
            ("manage/tenants", [200, 403, 200, 403, 403, 200]),
            ("manage/tenants/tenant-a", [200, 404, 200, 403, 403, 404]),
            ("runs", [200, 200, 403, 403, 403, 403]),
            ("audit", [200, 403, 200, 403, 403, 200]),
            ("audit?tenant=tenant-a", [200, 404, 200, 403, 403, 404]),
            ("profile", [200, 200, 200, 200, 200, 200]),
            ("compare", [200, 200, 200, 200, 200, 200]),
            ("compare?tenant=tenant-a&repos={repo}", [200, 404, 200, 200, 200, 404]),
            ("compare?tenant=tenant-a&repos={repo},987654", [404, 404, 404, 404, 404, 404]),
            ("tenant-traffic", [200, 200, 200, 200, 200, 200]),
            ("tenant-traffic?tenant=tenant-a", [200, 404, 200, 200, 200, 404]),
        };
        string[] callers = ["admin", "maintainer", "owner", "viewer", "grantee", "outsider"];
        var data = new TheoryData<string, string, int>();
        foreach (var (page, statuses) in pages)
        {
            for (var i = 0; i < callers.Length; i++)
            {
                data.Add(page, callers[i], statuses[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachPage_AnswersEachCallerAsItsRolesAllow(string page, string caller, int status)
    {
        using var response = await world.Sessions[caller].GetAsync(Resolve(page));
        var html = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(status, html);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        html.ShouldNotContain("Being built", Case.Insensitive);
        if (status == 404)
        {
            // Refusals of what the caller cannot see do not confirm that it exists.
            html.ShouldNotContain("acme/site");
            html.ShouldNotContain("tenant-a");
        }
    }

    [Theory]
    [InlineData("admin", true, true, true, true)]
    [InlineData("maintainer", false, false, true, false)]
    [InlineData("owner", true, true, false, true)]
    [InlineData("viewer", false, false, false, false)]
    [InlineData("grantee", false, false, false, false)]
    [InlineData("outsider", true, true, false, true)]
    public async Task TheMenu_OffersOnlyThePagesTheCallerMayOpen(string caller, bool repositories, bool tenants, bool runs, bool audit)
    {
        var html = await (await world.Sessions[caller].GetAsync("profile")).Content.ReadAsStringAsync();

        html.Contains("id=\"nav-repositories\"", StringComparison.Ordinal).ShouldBe(repositories);
        html.Contains("id=\"nav-tenants\"", StringComparison.Ordinal).ShouldBe(tenants);
        html.Contains("id=\"nav-runs\"", StringComparison.Ordinal).ShouldBe(runs);
        html.Contains("id=\"nav-audit\"", StringComparison.Ordinal).ShouldBe(audit);
        html.ShouldContain("id=\"nav-overview\"");
        html.ShouldContain("id=\"dev-banner\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("repos/{repo}")]
    [InlineData("manage/tenants/tenant-a")]
    [InlineData("runs")]
    [InlineData("audit")]
    public async Task WithoutASession_APageSendsTheBrowserToSignIn(string page)
    {
        using var response = await world.App.Anonymous().GetAsync(Resolve(page));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldContain("/signin?ReturnUrl=");
        Uri.UnescapeDataString(location).ShouldEndWith("/" + Resolve(page));
    }

    [Theory]
    [InlineData("")]
    [InlineData("repos/{repo}")]
    [InlineData("manage/repositories")]
    [InlineData("manage/tenants")]
    [InlineData("manage/tenants/tenant-a")]
    [InlineData("runs")]
    [InlineData("profile")]
    [InlineData("audit")]
    public async Task EveryPage_RunsNoInlineScriptOrStyle_AndSaysSoInItsPolicy(string page)
    {
        using var response = await world.Sessions["admin"].GetAsync(Resolve(page));
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("style-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
        // A JSON data block (the scripts' strings) is never run; every script that runs comes from a file.
        ScriptTag().Matches(html).Where(tag => !tag.Groups["attributes"].Value.Contains("type=\"application/json\"", StringComparison.Ordinal))
            .ShouldAllBe(tag => tag.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal) && tag.Groups["body"].Value.Trim().Length == 0);
        html.ShouldNotContain("<style", Case.Insensitive);
        // Attribute values are blanked first: an encoded name such as data-name="&lt;img onerror=...&gt;" is text, not an attribute.
        var markup = QuotedValue().Replace(html, "\"\"");
        StyleAttribute().IsMatch(markup).ShouldBeFalse();
        OnEventAttribute().IsMatch(markup).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("repos/{repo}")]
    [InlineData("manage/repositories")]
    [InlineData("manage/tenants")]
    [InlineData("manage/tenants/tenant-a")]
    [InlineData("audit")]
    public async Task ATenantNamedLikeMarkup_ShowsAsText(string page)
    {
        var html = await (await world.Sessions["admin"].GetAsync(Resolve(page))).Content.ReadAsStringAsync();

        html.ShouldNotContain(PageWorld.HostileName);
        html.ShouldNotContain("<img", Case.Insensitive);
        if (page is "manage/tenants/tenant-a" or "manage/repositories")
        {
            html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    [Fact]
    public async Task TheSignOutForm_CarriesTheSessionsAntiforgeryToken()
    {
        var admin = world.Sessions["admin"];
        var html = await (await admin.GetAsync("profile")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(SignOutToken().Match(html).Groups["token"].Value);
        token.ShouldNotBeNullOrEmpty();

        using var forged = await world.App.SignInAsync("viewer@example.test");
        using var withoutToken = await forged.Http.PostAsync("signout", new FormUrlEncodedContent([]));
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private string Resolve(string page) => page.Replace("{repo}", world.RepositoryA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex OnEventAttribute();

    [GeneratedRegex("action=\"[^\"]*/signout\">\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex SignOutToken();
}
