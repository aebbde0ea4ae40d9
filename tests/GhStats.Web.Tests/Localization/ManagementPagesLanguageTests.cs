using System.Net;
using GhStats.Web.Tests.Ui;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>
/// The tenants list, a tenant's page and the profile page in German and Japanese: the server's texts, the strings
/// their scripts carry (those of tenant.js and of dashboards.js, which it imports), and data left as it is.
/// </summary>
public sealed class ManagementPagesLanguageTests(PageWorld world) : IClassFixture<PageWorld>
{
    [Theory]
    [InlineData("de", "Mitglieder und Einladungen", "Betrachter", "GitHub-Verbindungen", "Öffentliche Dashboards")]
    [InlineData("ja", "メンバーと招待", "閲覧者", "GitHub 接続", "公開ダッシュボード")]
    public async Task TheTenantPage_SpeaksTheRequestsLanguage(string language, string members, string viewer, string connections, string dashboards)
    {
        var html = await PageAsync("manage/tenants/tenant-a", language, "owner");

        html.ShouldContain($"<html lang=\"{language}\"");
        html.ShouldContain($"<h2 id=\"members-heading\">{members}</h2>");
        html.ShouldContain($"<option value=\"viewer\" selected>{viewer}</option>");
        html.ShouldContain($"<h2 id=\"connections-heading\">{connections}</h2>");
        html.ShouldContain($"<h2 id=\"dashboards-heading\">{dashboards}</h2>");
        html.ShouldNotContain("Members and invitations");
        // The tenant's name is data: it stays as it is (encoded) and is marked as not to be translated.
        html.ShouldContain($"value=\"{PageWorld.HostileName}\" translate=\"no\"");
    }

    [Fact]
    public async Task TheTenantPage_CarriesTheStringsOfItsScriptAndOfTheDashboardsModule()
    {
        var strings = LanguageChoiceTests.ScriptStrings(await PageAsync("manage/tenants/tenant-a", "de", "owner"));

        strings["tenantRoleViewer"].ShouldBe("Betrachter");
        strings["tenantDeleteChannelQuestion"].ShouldStartWith("Den Kanal „{name}“ löschen?");
        strings["dashboardIsPublished"].ShouldBe("{title} ist veröffentlicht.");
        strings.ShouldNotContainKey("profileRevoke");
    }

    [Fact]
    public async Task TheTenantPage_GivesTheRecipientLimitInTheLanguagesWords()
    {
        var japanese = await PageAsync("manage/tenants/tenant-a", "ja", "owner");
        var german = await PageAsync("manage/tenants/tenant-a", "de", "owner");

        japanese.ShouldContain($"最大 {GhStats.Web.Notifications.ChannelInput.MaxRecipients} 件のアドレス");
        german.ShouldContain($"Bis zu {GhStats.Web.Notifications.ChannelInput.MaxRecipients} Adressen");
    }

    [Theory]
    [InlineData("de", "Neuer Mandant", "Alle Mandanten", "Mandant erstellen")]
    [InlineData("ja", "新しいテナント", "すべてのテナント", "テナントを作成")]
    public async Task TheTenantsPage_SpeaksTheRequestsLanguage(string language, string heading, string caption, string create)
    {
        var html = await PageAsync("manage/tenants", language, "admin");

        html.ShouldContain($"<h2 id=\"tenant-create-heading\">{heading}</h2>");
        html.ShouldContain($"<caption>{caption}</caption>");
        html.ShouldContain($"<button type=\"submit\" class=\"primary\">{create}</button>");
        html.ShouldContain("<code translate=\"no\">acme-oss</code>");
        LanguageChoiceTests.ScriptStrings(html).ShouldContainKey("tenantsDeleteQuestion");
    }

    [Fact]
    public async Task TheTenantsPage_OfAnOwner_NamesTheTenantsTheyOwn()
    {
        var html = await PageAsync("manage/tenants", "de", "owner");

        html.ShouldContain("<caption>Mandanten, deren Inhaber Sie sind</caption>");
        html.ShouldNotContain("tenant-create-heading");
    }

    [Theory]
    [InlineData("de", "Persönliche API-Tokens", "E-Mail-Benachrichtigungen", "Gültig für (Tage)", "Anzeigename")]
    [InlineData("ja", "個人用 API トークン", "メール通知", "有効期間 (日)", "表示名")]
    public async Task TheProfilePage_SpeaksTheRequestsLanguage(string language, string tokens, string notifications, string days, string displayName)
    {
        var html = await PageAsync("profile", language, "viewer");

        html.ShouldContain($"<h2 id=\"tokens-heading\">{tokens}</h2>");
        html.ShouldContain($"<h2 id=\"subscriptions-heading\">{notifications}</h2>");
        html.ShouldContain($"<label for=\"token-days\">{days}</label>");
        html.ShouldContain("<code translate=\"no\">Authorization: Bearer ghst_…</code>");
        LanguageChoiceTests.ScriptStrings(html)["profileDisplayName"].ShouldBe(displayName);
    }

    private async Task<string> PageAsync(string path, string language, string caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await world.Sessions[caller].SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Razor writes letters outside Basic Latin as character references; the browser reads them as the letters.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
