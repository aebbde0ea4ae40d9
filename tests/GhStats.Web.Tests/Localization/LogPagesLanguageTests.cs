using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Ui;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>
/// The repositories, collection, audit and import-and-export pages in German and Japanese: the server's text, the
/// strings their scripts get, and the data inside a translated sentence kept apart (translate="no") and encoded.
/// </summary>
public sealed class LogPagesLanguageTests(PageWorld world) : IClassFixture<PageWorld>
{
    [Theory]
    [InlineData("de", "Repository hinzufügen", "Alle Repositorys eines Besitzers erfassen", "Sieht gut aus.")]
    [InlineData("ja", "リポジトリを追加", "オーナーのすべてのリポジトリを追跡", "問題ありません。")]
    public async Task TheRepositoriesPage_SpeaksTheLanguage(string language, string addHeading, string ownerHeading, string looksRight)
    {
        var html = await PageAsync("/manage/repositories?tenant=tenant-a", language);

        html.ShouldContain($"<html lang=\"{language}\"");
        html.ShouldContain(addHeading);
        html.ShouldContain(ownerHeading);
        ScriptStrings(html)["reposLooksRight"].ShouldBe(looksRight);
        ScriptStrings(html)["status.NotFound"].ShouldNotBe("not found", "the shared module's strings come along");
    }

    [Theory]
    [InlineData("de", "Repositorys von ", "")]
    [InlineData("ja", "", " のリポジトリ")]
    public async Task ATenantsName_InATranslatedSentence_StaysData_WhereTheLanguagePutsIt(string language, string before, string after)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "manage/repositories?tenant=tenant-a");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await world.Sessions["owner"].SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();

        // The hostile name stays encoded markup, in its own span that translators and the pseudo-locale test skip.
        raw.ShouldContain("<span translate=\"no\">&lt;img src=x onerror=alert(1)&gt;</span>");
        WebUtility.HtmlDecode(raw).ShouldContain($"<caption>{before}<span translate=\"no\">{PageWorld.HostileName}</span>{after}</caption>");
    }

    [Theory]
    [InlineData("de", "Jetzt erfassen", "Datenverlust-Horizont", "mit Fehlern abgeschlossen")]
    [InlineData("ja", "今すぐ収集", "データ損失の期限", "エラーありで完了")]
    public async Task TheCollectionPage_SpeaksTheLanguage(string language, string collectNow, string horizon, string completedWithErrors)
    {
        var html = await PageAsync("/runs", language);

        html.ShouldContain(collectNow);
        html.ShouldContain(horizon);
        html.ShouldContain("id=\"horizon-threshold\" translate=\"no\"");
        ScriptStrings(html)["runStatus.completedWithErrors"].ShouldBe(completedWithErrors);
    }

    [Theory]
    [InlineData("de", "Ältere Einträge laden", "Akteur", "Repository wird erfasst")]
    [InlineData("ja", "古いエントリを読み込む", "実行者", "リポジトリの追跡を開始")]
    public async Task TheAuditPage_SpeaksTheLanguage_AndNamesEveryActionInIt(string language, string loadOlder, string actor, string tracked)
    {
        var html = await PageAsync("/audit", language);

        html.ShouldContain(loadOlder);
        html.ShouldContain($">{actor}</th>");
        var strings = ScriptStrings(html);
        strings["auditAction.repository.tracked"].ShouldBe(tracked);
        var actions = typeof(GhStats.Domain.AuditActions).GetFields()
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        actions.ShouldNotBeEmpty();
        actions.Where(a => !strings.ContainsKey($"auditAction.{a}")).ShouldBeEmpty("every audit action has words on the page");
    }

    [Theory]
    [InlineData("de", "Import und Export sind in dieser Installation nicht eingerichtet", "Zurück zum Mandanten")]
    [InlineData("ja", "このインストールではインポートとエクスポートが設定されていません", "テナントに戻る")]
    public async Task TheTransferPage_SpeaksTheLanguage_EvenWhereTransferIsNotSetUp(string language, string unavailable, string back)
    {
        var html = await PageAsync("/manage/tenants/tenant-a/transfer", language);

        html.ShouldContain(unavailable);
        html.ShouldContain("<code>AddTransfer()</code>");
        html.ShouldContain(back);
        ScriptStrings(html).ShouldContainKey("transferPhase.checkingFile");
    }

    private static Dictionary<string, string> ScriptStrings(string html)
    {
        const string open = "<script type=\"application/json\" id=\"ghstats-text\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(html[start..end])!;
    }

    private async Task<string> PageAsync(string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await world.Sessions["admin"].SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Razor writes letters outside Basic Latin as character references; the browser reads them as the letters.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
