using GhStats.Testing.Browser;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The tenants list, the tenant's page and the profile page in a German and a Japanese browser: what their scripts
/// write (rows, roles and kinds in words, test results, confirmations, messages) is in the page's language, and no
/// string is missing (a missing one shows as ⟦key⟧).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LocalizedManagementUiTests(ChromiumFixture chromium, UiWorld world)
{
    [Fact]
    public async Task InGerman_TheTenantPagesScriptsSpeakGerman()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions { Locale = "de-DE" });
        var page = browser.Page;

        await page.GotoAsync("manage/tenants/acme");
        var connection = page.Locator("#connections-table tbody tr", new() { HasText = "simulator" });
        await Expect(connection).ToContainTextAsync("Persönliches Zugriffstoken");
        await Expect(connection.Locator("button[data-test-connection]")).ToHaveTextAsync("Testen");
        await connection.Locator("button[data-test-connection]").ClickAsync();
        await Expect(page.Locator("#connection-test-headline")).ToHaveTextAsync("Kann den Verkehr lesen (geprüft an acme/site)", new() { Timeout = 30_000 });
        await Expect(page.Locator("#connection-test-result")).ToContainTextAsync("GitHub erreicht");

        await page.FillAsync("#member-email", "sprache@example.com");
        await page.SelectOptionAsync("#member-role", "owner");
        await page.ClickAsync("#member-add button[type=submit]");
        await Expect(page.Locator("#member-add-status")).ToHaveTextAsync(
            "sprache@example.com wurde als Inhaber eingeladen und tritt bei, sobald sich die Person das nächste Mal mit dieser E-Mail-Adresse anmeldet.");
        var invitation = page.Locator("#invitations-table tbody tr", new() { HasText = "sprache@example.com" });
        await Expect(invitation).ToContainTextAsync("Inhaber");
        await invitation.Locator("button[data-cancel-invitation]").ClickAsync();
        await Expect(page.Locator("#members-status")).ToHaveTextAsync("Die Einladung von sprache@example.com wurde zurückgezogen.");

        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("⟦");
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task InGerman_DeletingATenantAsksInGerman_AndTheProfileSpeaksGerman()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions { Locale = "de-DE" });
        var page = browser.Page;

        await page.GotoAsync("manage/tenants");
        var delete = page.Locator("#tenants-table button[data-delete-tenant='acme']");
        await Expect(delete).ToHaveTextAsync("Löschen");
        await delete.ClickAsync();
        await Expect(page.Locator("#confirm-text")).ToContainTextAsync("Den Mandanten „Acme“ (acme) löschen?");
        await Expect(page.Locator("#confirm-yes")).ToHaveTextAsync("Acme löschen");
        await page.ClickAsync("#confirm-no");
        await Expect(page.Locator("#tenants-table")).ToContainTextAsync("acme");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("⟦");

        await page.GotoAsync("profile");
        await Expect(page.Locator("#profile")).ToContainTextAsync("Anzeigename");
        await Expect(page.Locator("#profile-roles")).ToHaveTextAsync("Administrator");
        await Expect(page.Locator("#subscriptions fieldset").First).ToContainTextAsync("Wöchentliche Zusammenfassung");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("⟦");
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task InJapanese_TheTenantTenantsAndProfilePagesScriptsSpeakJapanese()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions { Locale = "ja-JP" });
        var page = browser.Page;

        await page.GotoAsync("manage/tenants/acme");
        var connection = page.Locator("#connections-table tbody tr", new() { HasText = "simulator" });
        await Expect(connection).ToContainTextAsync("個人用アクセス トークン");
        await Expect(connection.Locator("button[data-delete-connection]")).ToHaveTextAsync("削除");
        await Expect(page.Locator("#dashboard-repositories")).ToContainTextAsync("acme/site");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("⟦");

        await page.GotoAsync("manage/tenants");
        await Expect(page.Locator("#tenants-table button[data-delete-tenant='acme']")).ToHaveTextAsync("削除");

        await page.GotoAsync("profile");
        await Expect(page.Locator("#profile")).ToContainTextAsync("表示名");
        await Expect(page.Locator("#profile-roles")).ToHaveTextAsync("管理者");
        await Expect(page.Locator("#subscriptions fieldset").First).ToContainTextAsync("週次ダイジェスト");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("⟦");
        await browser.AssertNoErrorsAsync();
    }
}
