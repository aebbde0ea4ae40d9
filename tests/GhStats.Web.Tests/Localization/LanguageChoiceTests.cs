using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Ui;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>Which language a page speaks: the cookie, else Accept-Language, else English; and what the page carries for its scripts.</summary>
public sealed class LanguageChoiceTests(PageWorld world) : IClassFixture<PageWorld>
{
    [Theory]
    [InlineData(null, "en", "Skip to content")]
    [InlineData("de-DE,de;q=0.9,en;q=0.5", "de", "Zum Inhalt springen")]
    [InlineData("fr-CA", "fr", "Aller au contenu")]
    [InlineData("pt-BR", "pt-BR", "Pular para o conteúdo")]
    [InlineData("ja", "ja", "コンテンツへ移動")]
    [InlineData("es-MX,en;q=0.1", "es", "Ir al contenido")]
    [InlineData("ko-KR", "en", "Skip to content")]
    public async Task AcceptLanguage_PicksThePagesLanguage(string? acceptLanguage, string lang, string skipLink)
    {
        var html = await PageAsync("/", acceptLanguage, cookie: null);

        html.ShouldContain($"<html lang=\"{lang}\" dir=\"ltr\">");
        html.ShouldContain(skipLink);
    }

    [Fact]
    public async Task TheCookie_WinsOverAcceptLanguage()
    {
        var html = await PageAsync("/", "de", cookie: "c=ja|uic=ja");

        html.ShouldContain("<html lang=\"ja\"");
        html.ShouldContain("概要");
        html.ShouldNotContain("Übersicht");
    }

    [Fact]
    public async Task ACookieNamingALanguageGhStatsDoesNotSpeak_IsIgnored()
    {
        var html = await PageAsync("/", "fr", cookie: "c=xx|uic=xx");

        html.ShouldContain("<html lang=\"fr\"");
    }

    [Fact]
    public async Task ThePage_CarriesItsScriptsStrings_InItsLanguage_IncludingTheModulesItImports()
    {
        var html = await PageAsync("/", "de", cookie: null);

        var strings = ScriptStrings(html);
        strings["loading"].ShouldBe("Wird geladen…"); // ghstats.js
        strings["tickFirst"].ShouldStartWith("Markieren Sie"); // overview.js
        strings["noPreviousPeriod"].ShouldBe("keine Vorperiode"); // trend.js, imported by overview.js
    }

    [Fact]
    public async Task TheStringsForScripts_CannotEndTheirScriptElement()
    {
        var html = await PageAsync("/", null, cookie: null);

        var start = html.IndexOf("<script type=\"application/json\" id=\"ghstats-text\">", StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var json = html[(html.IndexOf('>', start) + 1)..end];
        json.ShouldNotContain('<');
        json.ShouldNotContain('>');
        json.ShouldStartWith("{");
    }

    [Fact]
    public async Task ThePagesTitleAndRefusals_AreInItsLanguage()
    {
        var html = await PageAsync("/runs", "de", cookie: null, caller: "viewer");

        html.ShouldContain("<title>Nicht erlaubt - GhStats</title>");
        html.ShouldContain("Nur Betreuer und Administratoren sehen das Erfassungsprotokoll.");
    }

    [Fact]
    public async Task TheAnswer_SaysItsLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Empty);
        request.Headers.AcceptLanguage.ParseAdd("ja");
        using var response = await world.Sessions["admin"].SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLanguage.ShouldBe(["ja"]);
    }

    /// <summary>The strings a page carries for its scripts (the ghstats-text JSON), by key.</summary>
    internal static Dictionary<string, string> ScriptStrings(string html)
    {
        const string open = "<script type=\"application/json\" id=\"ghstats-text\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(html[start..end])!;
    }

    private async Task<string> PageAsync(string path, string? acceptLanguage, string? cookie, string caller = "admin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var session = world.Sessions[caller];
        var language = new Cookie("ghstats-language", Uri.EscapeDataString(cookie ?? "-"), "/", session.Http.BaseAddress!.Host);
        if (cookie is not null)
        {
            session.Cookies.Add(language);
        }

        try
        {
            using var response = await session.SendAsync(request);
            // Razor writes letters outside Basic Latin as character references; the browser reads them as the letters.
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        finally
        {
            // The sessions are shared by this class's tests: the choice must not outlive the test.
            language.Expired = true;
        }
    }
}
