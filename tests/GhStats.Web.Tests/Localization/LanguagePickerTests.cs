using System.Net;
using System.Text.RegularExpressions;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>
/// Choosing a language: the menu's picker posts to {prefix}/language, which sets the browser's cookie and, signed in,
/// the profile's language; signing in on another browser brings the profile's language along; the API sets it too.
/// </summary>
public sealed partial class LanguagePickerTests(LanguagePickerTests.DevelopmentApp fixture) : IClassFixture<LanguagePickerTests.DevelopmentApp>
{
    private WebApp App => fixture.Web;

    [Fact]
    public async Task TheMenu_HasThePicker_WithEveryLanguageInItsOwnName_AndTheCurrentOneSelected()
    {
        var session = await App.SignInAsync((await App.CreateUserAsync(Email())).Email);

        var html = await PageAsync(session, "?x=1", acceptLanguage: "fr");

        html.ShouldContain("<form class=\"language\" method=\"post\" action=\"/language\" id=\"language-form\">");
        html.ShouldContain("<input type=\"hidden\" name=\"returnUrl\" value=\"/?x=1\" />");
        html.ShouldContain("<label for=\"language\">Langue</label>");
        html.ShouldContain("<option value=\"de\" lang=\"de\" translate=\"no\">Deutsch</option>");
        html.ShouldContain("<option value=\"ja\" lang=\"ja\" translate=\"no\">日本語</option>");
        html.ShouldContain("<option value=\"pt-BR\" lang=\"pt-BR\" translate=\"no\">Português (Brasil)</option>");
        html.ShouldContain("<option value=\"fr\" lang=\"fr\" translate=\"no\" selected>Français</option>");
        OptionsOf(html).ShouldBe(GhStatsLanguages.Supported);
    }

    [Fact]
    public async Task Choosing_SetsTheCookie_AndTheProfile_AndGoesBack_AndTheCookieWinsOverAcceptLanguage()
    {
        var user = await App.CreateUserAsync(Email());
        var session = await App.SignInAsync(user.Email);
        var token = FormToken(await PageAsync(session, string.Empty, acceptLanguage: "ja"));

        using var response = await PostLanguageAsync(session, "de", "/runs", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/runs");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ghstats-language=", StringComparison.Ordinal));
        cookie.ShouldStartWith("ghstats-language=c%3Dde%7Cuic%3Dde;");
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("max-age=31536000");
        cookie.ShouldContain("path=/");
        cookie.ShouldNotContain("httponly", Case.Insensitive);
        cookie.ShouldNotContain("secure", Case.Insensitive); // plain http here; over https it is Secure
        (await App.Get<IUserStore>().FindAsync(user.Id))!.Language.ShouldBe("de");
        (await session.GetJsonAsync("api/v1/me")).GetProperty("language").GetString().ShouldBe("de");
        var html = await PageAsync(session, string.Empty, acceptLanguage: "ja");
        html.ShouldContain("<html lang=\"de\"");
        html.ShouldContain("<option value=\"de\" lang=\"de\" translate=\"no\" selected>Deutsch</option>");
    }

    [Fact]
    public async Task AcceptLanguage_PicksGerman_UntilSomethingIsChosen()
    {
        var session = await App.SignInAsync((await App.CreateUserAsync(Email())).Email);

        var html = await PageAsync(session, string.Empty, acceptLanguage: "de-CH,de;q=0.9,en;q=0.5");

        html.ShouldContain("<html lang=\"de\"");
        html.ShouldContain("<label for=\"language\">Sprache</label>");
    }

    [Fact]
    public async Task SigningInOnANewBrowser_BringsTheProfilesLanguage()
    {
        var user = await App.CreateUserAsync(Email());
        await App.Get<IUserStore>().SetLanguageAsync(user.Id, "ja");
        App.ForgetCachedAccess();

        var fresh = await App.SignInAsync(user.Email);

        fresh.Cookies.GetCookies(App.BaseAddress).Single(c => c.Name == "ghstats-language").Value.ShouldBe("c%3Dja%7Cuic%3Dja");
        var html = await PageAsync(fresh, string.Empty, acceptLanguage: "de");
        html.ShouldContain("<html lang=\"ja\"");
    }

    [Fact]
    public async Task SigningIn_WithoutAChosenLanguage_SetsNoCookie()
    {
        var fresh = await App.SignInAsync((await App.CreateUserAsync(Email())).Email);

        fresh.Cookies.GetCookies(App.BaseAddress).ShouldNotContain(c => c.Name == "ghstats-language");
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de-DE")]
    [InlineData("")]
    public async Task AnUnsupportedLanguage_IsRefused_WithNothingChanged(string language)
    {
        var user = await App.CreateUserAsync(Email());
        var session = await App.SignInAsync(user.Email);
        var token = FormToken(await PageAsync(session, string.Empty, acceptLanguage: null));

        using var response = await PostLanguageAsync(session, language, "/", token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join("; ", cookies ?? []));
        (await response.Content.ReadAsStringAsync()).ShouldContain("en, de, fr, es, pt-BR, ja");
        (await App.Get<IUserStore>().FindAsync(user.Id))!.Language.ShouldBeNull();
    }

    [Fact]
    public async Task WithoutTheAntiforgeryToken_TheChoiceIsRefused()
    {
        var user = await App.CreateUserAsync(Email());
        var session = await App.SignInAsync(user.Email);

        using var response = await PostLanguageAsync(session, "fr", "/", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await App.Get<IUserStore>().FindAsync(user.Id))!.Language.ShouldBeNull();
    }

    [Fact]
    public async Task SignedOut_TheChoiceSetsOnlyTheCookie_AndAForeignReturnAddressGoesToTheStartPage()
    {
        using var anonymous = App.Anonymous();
        using var form = await anonymous.GetAsync("signin/development");
        var token = FormToken(await form.Content.ReadAsStringAsync());

        using var response = await PostLanguageAsync(anonymous, "es", "https://evil.example/", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        anonymous.Cookies.GetCookies(App.BaseAddress).Single(c => c.Name == "ghstats-language").Value.ShouldBe("c%3Des%7Cuic%3Des");
    }

    [Fact]
    public async Task TheApi_SetsAndClearsTheLanguage_AndRefusesAnUnsupportedOne()
    {
        var user = await App.CreateUserAsync(Email());
        using var client = App.As(user);

        using var set = await client.PutJsonAsync("api/v1/me/language", new { language = "PT-br" });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await set.Content.ReadAsStringAsync()).ShouldBe("{\"language\":\"pt-BR\"}");
        set.Headers.Contains("Set-Cookie").ShouldBeFalse("a token caller has no browser to remember it in");
        (await client.GetJsonAsync("api/v1/me")).GetProperty("language").GetString().ShouldBe("pt-BR");

        using var refused = await client.PutJsonAsync("api/v1/me/language", new { language = "klingon" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetJsonAsync("api/v1/me")).GetProperty("language").GetString().ShouldBe("pt-BR");

        using var cleared = await client.PutJsonAsync("api/v1/me/language", new { language = (string?)null });
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetJsonAsync("api/v1/me")).GetProperty("language").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var audit = (await App.Get<IAuditStore>().ListAsync(new GhStats.Domain.AuditQuery(Action: GhStats.Domain.AuditActions.LanguageChanged), 500)).Where(e => e.Action == GhStats.Domain.AuditActions.LanguageChanged && e.Target?.Id == user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        audit.Select(e => e.Details).ShouldBe(["language=pt-BR -> -", "language=- -> pt-BR"]);
    }

    [Fact]
    public async Task AChannel_TakesALanguage_AndShowsIt_AndRefusesAnUnsupportedOne()
    {
        var owner = await App.CreateUserAsync(Email());
        var tenant = await App.CreateTenantAsync("lang-" + Guid.NewGuid().ToString("N")[..10]);
        await App.AddMemberAsync(tenant, owner, GhStats.Domain.TenantRole.Owner);
        using var client = App.As(owner);

        var created = await client.PostJsonExpectingAsync($"api/v1/tenants/{tenant.Slug}/channels",
            new { name = "Team DE", kind = "email", topics = new[] { "digest" }, recipients = new[] { "team@picker.example" }, language = "de" }, HttpStatusCode.Created);
        var english = await client.PostJsonExpectingAsync($"api/v1/tenants/{tenant.Slug}/channels",
            new { name = "Team", kind = "email", topics = new[] { "digest" }, recipients = new[] { "team@picker.example" } }, HttpStatusCode.Created);
        var refused = await client.PostJsonExpectingAsync($"api/v1/tenants/{tenant.Slug}/channels",
            new { name = "Team XX", kind = "email", topics = new[] { "digest" }, recipients = new[] { "team@picker.example" }, language = "xx" }, HttpStatusCode.BadRequest);

        created.GetProperty("language").GetString().ShouldBe("de");
        english.GetProperty("language").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        refused.GetProperty("errors").GetProperty("language")[0].GetString()!.ShouldContain("en, de, fr, es, pt-BR, ja");
        var listed = await client.GetJsonAsync($"api/v1/tenants/{tenant.Slug}/channels");
        listed.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Team DE").GetProperty("language").GetString().ShouldBe("de");
    }

    private static string Email() => $"lang-{Guid.NewGuid():N}@picker.example";

    private static async Task<string> PageAsync(WebCaller caller, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await caller.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the picker's form as a browser does, without the API's antiforgery header.</summary>
    private static Task<HttpResponseMessage> PostLanguageAsync(WebCaller caller, string language, string returnUrl, string? token)
    {
        var fields = new List<KeyValuePair<string, string>> { new("language", language), new("returnUrl", returnUrl) };
        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        return caller.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "language") { Content = new FormUrlEncodedContent(fields) });
    }

    private static string FormToken(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups["value"].Value)
        : throw new ShouldAssertException("The page has no antiforgery field.");

    private static List<string> OptionsOf(string html)
    {
        var form = html[html.IndexOf("id=\"language-form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        return [.. OptionValue().Matches(form).Select(m => m.Groups["value"].Value)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<option value=\"(?<value>[^\"]+)\"")]
    private static partial Regex OptionValue();

    /// <summary>One app in the Development environment, where the development sign-in lets tests sign in as a browser does.</summary>
    public sealed class DevelopmentApp : IAsyncLifetime
    {
        public WebApp Web { get; private set; } = null!;

        public async Task InitializeAsync() => Web = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });

        public async Task DisposeAsync()
        {
            if (Web is not null)
            {
                await Web.DisposeAsync();
            }
        }
    }
}
