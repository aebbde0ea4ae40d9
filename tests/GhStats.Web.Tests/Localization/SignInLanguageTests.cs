using System.Net;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>The sign-in pages, their errors and refusals, and the development banner speak the request's language.</summary>
public sealed class SignInLanguageTests(SignInLanguageTests.World world) : IClassFixture<SignInLanguageTests.World>
{
    [Theory]
    [InlineData(null, "en", "Development sign-in", "Display name (optional)", "without a password")]
    [InlineData("de-DE,de;q=0.9", "de", "Entwicklungsanmeldung", "Anzeigename (optional)", "ohne Kennwort")]
    [InlineData("ja", "ja", "開発用サインイン", "表示名 (省略可能)", "パスワードなしで")]
    public async Task TheDevelopmentSignInPage_IsInTheRequestsLanguage(string? acceptLanguage, string lang, string title, string label, string banner)
    {
        var (status, html) = await SendAsync(world.App.Anonymous(), new HttpRequestMessage(HttpMethod.Get, "signin/development"), acceptLanguage);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<html lang=\"{lang}\" dir=\"ltr\">");
        html.ShouldContain($"<title>{title} - GhStats</title>");
        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain(label);
        html.ShouldContain(banner);
    }

    [Theory]
    [InlineData("de", "Geben Sie eine E-Mail-Adresse wie admin@localhost ein.")]
    [InlineData("ja", "admin@localhost のようなメール アドレスを入力してください。")]
    public async Task TheFormsError_IsInTheRequestsLanguage(string acceptLanguage, string error)
    {
        var caller = world.App.Anonymous();
        var fields = await FormFieldsAsync(caller);
        fields["email"] = "not an email";

        var (status, html) = await SendAsync(caller, Post(fields), acceptLanguage);

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain($"<p role=\"alert\">{error}</p>");
        html.ShouldNotContain("Enter an email address");
    }

    [Theory]
    [InlineData("de", "Anmeldung abgelehnt", "Erneut anmelden")]
    [InlineData("ja", "サインインが拒否されました", "もう一度サインイン")]
    public async Task ARefusal_HasItsTitleAndLinkInTheRequestsLanguage_AndTheBindersReasonInEnglish(string acceptLanguage, string title, string again)
    {
        var caller = world.App.Anonymous();
        var fields = await FormFieldsAsync(caller);
        fields["email"] = "nobody@sign-in-language.example";

        var (status, html) = await SendAsync(caller, Post(fields), acceptLanguage);

        status.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain($"<html lang=\"{acceptLanguage}\"");
        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain($">{again}</a>");
        html.ShouldContain("There is no invitation for nobody@sign-in-language.example.");
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefusedInTheRequestsLanguage()
    {
        var (status, html) = await SendAsync(world.App.Anonymous(), Post(new() { ["email"] = "admin@sign-in-language.example" }), "de");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("<h1>Anmeldung fehlgeschlagen</h1>");
        html.ShouldContain("laden Sie die Anmeldeseite erneut.");
    }

    [Fact]
    public async Task TheBannerOfADevelopmentSession_IsInThePagesLanguage()
    {
        var session = await world.App.SignInAsync("admin@sign-in-language.example");

        var (status, html) = await SendAsync(session, new HttpRequestMessage(HttpMethod.Get, string.Empty), "ja");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"dev-banner\">開発用サインイン: この GhStats は Development 環境で実行されています。");
    }

    private static HttpRequestMessage Post(Dictionary<string, string> fields) =>
        new(HttpMethod.Post, "signin/development") { Content = new FormUrlEncodedContent(fields) };

    private static async Task<Dictionary<string, string>> FormFieldsAsync(WebCaller caller)
    {
        using var form = await caller.GetAsync("signin/development");
        var html = await form.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    private static async Task<(HttpStatusCode Status, string Html)> SendAsync(WebCaller caller, HttpRequestMessage request, string? acceptLanguage)
    {
        using (request)
        {
            if (acceptLanguage is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            }

            // Not through caller.SendAsync: a form post must carry only the form's own antiforgery field.
            using var response = await caller.Http.SendAsync(request);
            // Razor writes letters outside Basic Latin as character references; the browser reads them as the letters.
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    /// <summary>One app in Development with an admin who may sign in.</summary>
    public sealed class World : IAsyncLifetime
    {
        private WebApp? _app;

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            await _app.CreateUserAsync("admin@sign-in-language.example", Domain.SystemRole.Admin);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
