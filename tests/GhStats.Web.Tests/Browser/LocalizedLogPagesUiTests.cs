using GhStats.Testing.Browser;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The collection log, the repositories page and the audit log in a browser whose language is German or Japanese,
/// over what the admin set up (see <see cref="AdminSetup"/>): what their scripts write (run states, horizon counts,
/// form hints, audit actions) is in the browser's language, with the wire names kept beside the words.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LocalizedLogPagesUiTests(ChromiumFixture chromium, UiWorld world)
{
    [Theory]
    [InlineData("de-DE", "de", "Jetzt erfassen", "erfolgreich", "in Ordnung", "Verwenden Sie genau einen Schrägstrich: Besitzer/Name.", "Entfernen", "Repository wird erfasst")]
    [InlineData("ja-JP", "ja", "今すぐ収集", "成功", "正常なリポジトリ", "スラッシュはちょうど 1 つにしてください: オーナー/名前。", "削除", "リポジトリの追跡を開始")]
    public async Task RunsRepositoriesAndAudit_SpeakTheBrowsersLanguage(
        string locale, string lang, string collectNow, string succeeded, string fine, string oneSlash, string remove, string tracked)
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions { Locale = locale });
        var page = browser.Page;

        await page.GotoAsync("runs");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator("#collect-now")).ToHaveTextAsync(collectNow);
        var status = page.Locator("#runs-table tbody tr[data-run-id] .badge").Last;
        await Expect(status).ToHaveTextAsync(succeeded);
        await Expect(status).ToHaveAttributeAsync("data-wire", "succeeded");
        await Expect(page.Locator("#horizon-fine")).ToContainTextAsync(fine);
        await page.Locator("#runs-table tbody button[data-run-details]").Last.ClickAsync();
        await Expect(page.Locator("#run-details-body dd .badge")).ToHaveTextAsync(succeeded);
        (await page.InnerTextAsync("#run-details-body")).ShouldNotContain("⟦");
        await browser.AssertNoErrorsAsync();

        await page.GotoAsync("manage/repositories");
        await Expect(page.Locator("#repos-table tbody button[data-remove]").First).ToHaveTextAsync(remove);
        await page.FillAsync("#repo-full-name", "acme/site/extra");
        await Expect(page.Locator("#repo-full-name-hint")).ToHaveTextAsync(oneSlash);
        await browser.AssertNoErrorsAsync();

        await page.GotoAsync("audit");
        var action = page.Locator("#audit-table td[data-action='repository.tracked']").First;
        await Expect(action).ToContainTextAsync(tracked);
        await Expect(action.Locator("code")).ToHaveTextAsync("repository.tracked");
        (await page.InnerTextAsync("#audit-table")).ShouldNotContain("⟦");
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync($"audit-{lang}");
        await browser.AssertNoErrorsAsync();
    }
}
