using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Ui;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>
/// The repository, compare, tenant traffic and message pages (with the range picker and the confirmation dialog they
/// share) speak German and Japanese: server text, the strings their scripts carry, and dates in the page's culture.
/// </summary>
public sealed class RepositoryPagesLanguageTests(PageWorld world) : IClassFixture<PageWorld>
{
    [Fact]
    public async Task TheRepositoryPage_InGerman()
    {
        var html = await PageAsync($"/repos/{world.RepositoryA.Id}", "de", "owner");

        html.ShouldContain("<html lang=\"de\"");
        html.ShouldContain("Aufrufe und Klone"); // heading
        html.ShouldContain("Beliebte Inhalte");
        html.ShouldContain("Letzte 30 Tage"); // range picker
        html.ShouldContain("Woche (ab Montag)"); // per picker
        html.ShouldContain("Sind Sie sicher?"); // confirmation dialog, for the notes an owner deletes
        html.ShouldContain("Notiz hinzufügen");
        html.ShouldContain("Öffentliche Badges für dieses Repository anbieten");
        html.ShouldNotContain("Popular content");
        // The day tracking started in the page's culture, with the ISO day for machines.
        var added = world.RepositoryA.AddedAt;
        html.ShouldContain($"<time datetime=\"{added:yyyy-MM-dd}\">{added.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("de"))}</time>");
        var strings = ScriptStrings(html);
        strings["repoNoReferrers"].ShouldBe("Keine Verweise in diesem Zeitraum erfasst."); // repository.js
        strings["coverageDaysKnown.other"].ShouldBe("{known} von {count} Tagen bekannt"); // coverage.js
        strings["notesAdded"].ShouldBe("Notiz hinzugefügt."); // annotations.js
        strings["starsLowerBound"].ShouldStartWith("Sie sind eine Untergrenze"); // star-history.js
        strings["downloadsNotRead"].ShouldStartWith("Releases noch nicht gelesen"); // downloads.js
        strings["noPreviousPeriod"].ShouldBe("keine Vorperiode"); // trend.js
    }

    [Fact]
    public async Task TheRepositoryPage_InJapanese()
    {
        var html = await PageAsync($"/repos/{world.RepositoryA.Id}", "ja", "owner");

        html.ShouldContain("<html lang=\"ja\"");
        html.ShouldContain("ビューとクローン");
        html.ShouldContain("スターとフォーク");
        html.ShouldContain("過去 7 日間");
        html.ShouldContain("よろしいですか?");
        ScriptStrings(html)["notesNone"].ShouldBe("この期間にメモはありません。");
    }

    [Theory]
    [InlineData("de", "Was verglichen wird", "Normalisiert (erste Woche = 1)", "Klone", "compareChoose", "Wählen Sie bis zu {most} Repositorys zum Vergleichen.")]
    [InlineData("ja", "比較する内容", "正規化 (最初の週 = 1)", "クローン", "compareChoose", "比較するリポジトリを {most} 件まで選んでください。")]
    public async Task TheComparePage_InItsLanguage(string language, string toolbar, string normalised, string clones, string key, string script)
    {
        var html = await PageAsync("/compare", language, "admin");

        html.ShouldContain(toolbar);
        html.ShouldContain(normalised);
        html.ShouldContain($"<option value=\"clones\" data-note=\"");
        html.ShouldContain($"\">{clones}</option>", customMessage: "the metric's name in the page's language");
        ScriptStrings(html)[key].ShouldBe(script);
    }

    [Theory]
    [InlineData("de", "Alle Repositorys zusammen", "Eindeutige Besucher, mindestens*", "tenantTrafficNoTenant", "Sie sehen noch keinen Mandanten.")]
    [InlineData("ja", "全リポジトリの合算", "ユニーク訪問者 (下限)*", "tenantTrafficNoTenant", "表示できるテナントはまだありません。")]
    public async Task TheTenantTrafficPage_InItsLanguage(string language, string heading, string column, string key, string script)
    {
        var html = await PageAsync("/tenant-traffic", language, "admin");

        html.ShouldContain(heading);
        html.ShouldContain(column);
        html.ShouldContain("translate=\"no\"", customMessage: "tenant names are data");
        ScriptStrings(html)[key].ShouldBe(script);
    }

    [Theory]
    [InlineData("de", "Zurück zur Übersicht")]
    [InlineData("ja", "概要に戻る")]
    public async Task TheMessagePage_InItsLanguage(string language, string back)
    {
        var html = await PageAsync("/repos/987654321", language, "viewer");

        html.ShouldContain(back);
    }

    private static Dictionary<string, string> ScriptStrings(string html)
    {
        const string open = "<script type=\"application/json\" id=\"ghstats-text\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(html[start..end])!;
    }

    private async Task<string> PageAsync(string path, string language, string caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await world.Sessions[caller].SendAsync(request);
        // Razor writes letters outside Basic Latin as character references; the browser reads them as the letters.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
