using GhStats.Testing.Browser;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// "Import and export" in a browser whose language is German or Japanese: the form, the job panel, its phases and
/// states and the dry run's report speak it; names of files, sources and repositories stay as they are; the importer's
/// reasons for rejecting a row come from GhStats.Transfer in English and are shown as it wrote them.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LocalizedTransferUiTests(ChromiumFixture chromium, TransferWorld world) : IClassFixture<TransferWorld>
{
    [Theory]
    [InlineData("de-DE", "Hochladen und starten", "IBM github-traffic-stats: Datei repostats.csv", "Probelauf des Imports von repostats.csv (ibm-csv)",
        "Der Probelauf ist beendet: Es wurde nichts geschrieben. Sein Bericht:", "angelegt, erfasst", "Neue Tage", "Probelauf")]
    [InlineData("ja-JP", "アップロードして開始", "IBM github-traffic-stats: repostats.csv ファイル", "repostats.csv (ibm-csv) のインポートのテスト実行",
        "テスト実行が完了しました。何も書き込まれていません。レポート:", "作成 (追跡)", "新しい日", "テスト実行")]
    public async Task ADryRunImport_SpeaksTheBrowsersLanguage(
        string locale, string submit, string sourceName, string heading, string finished, string created, string daysNew, string dryRunTag)
    {
        await using var owner = await world.SignInAsync(chromium, TransferWorld.OwnerEmail, new BrowserPageOptions { Locale = locale });
        var page = owner.Page;
        await page.GotoAsync("manage/tenants/beta/transfer");
        await Expect(page.Locator("#import-submit")).ToHaveTextAsync(submit);
        await Expect(page.Locator("#import-source option[value=ibm-csv]")).ToHaveTextAsync(sourceName);

        await page.SelectOptionAsync("#import-source", "ibm-csv");
        await page.SetInputFilesAsync("#import-file", TransferWorld.Fixture("IbmCsv", "repostats.csv"));
        await page.FillAsync("#import-names", "1000=octo-org/app\n1001=octo-org/docs\n1005=octo-org/tools");
        await page.ClickAsync("#import-submit");

        await Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 60_000 });
        await Expect(page.Locator("#job-heading")).ToHaveTextAsync(heading);
        await Expect(page.Locator("#job-status")).ToHaveTextAsync(finished);
        var app = page.Locator("#report-repositories tbody tr[data-repository='octo-org/app']");
        await Expect(app.Locator("td").First).ToHaveTextAsync(created);
        await Expect(app.Locator("td").First).ToHaveAttributeAsync("data-wire", "createdTracked");
        await Expect(page.Locator("#report-repositories thead th").Nth(2)).ToHaveTextAsync(daysNew);
        // The importer's reason is GhStats.Transfer's English, shown as it is.
        await Expect(page.Locator("#report-rejections tbody tr")).ToContainTextAsync("uniques above totals");
        await Expect(page.Locator("#jobs-table tbody tr[data-job-id] .tag").First).ToHaveTextAsync(dryRunTag);
        (await page.InnerTextAsync("#transfer")).ShouldNotContain("⟦");
        (await owner.CheckAccessibilityAsync()).AssertNoViolations();
        await owner.SaveScreenshotAsync($"tenant-transfer-{locale.ToLowerInvariant()}");
        await owner.AssertNoErrorsAsync();
    }
}
