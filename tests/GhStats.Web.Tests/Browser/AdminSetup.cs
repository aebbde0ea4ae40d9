using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The admin's first hour, done once through the pages for every browser test: sign in at the provider, create a
/// tenant, add a GitHub connection and test it, invite a viewer, add a repository, collect. Every page on the way
/// must load without console errors.
/// </summary>
public sealed class AdminSetup
{
    private AdminSetup(IReadOnlyList<BrowserContextCookiesResult> session, string connectionTest, long repositoryId)
    {
        Session = session;
        ConnectionTest = connectionTest;
        RepositoryId = repositoryId;
    }

    /// <summary>The admin's session cookies, for pages that continue as the admin.</summary>
    public IReadOnlyList<BrowserContextCookiesResult> Session { get; }

    /// <summary>What "Test" said about the connection.</summary>
    public string ConnectionTest { get; }

    public long RepositoryId { get; }

    public static async Task<AdminSetup> RunAsync(ChromiumFixture chromium, UiWorld world)
    {
        await using var admin = await world.SignInAsync(chromium, UiWorld.AdminEmail);
        var page = admin.Page;

        await page.GotoAsync("manage/tenants");
        await page.FillAsync("#tenant-slug", "acme");
        await page.FillAsync("#tenant-name", "Acme");
        await page.ClickAsync("#tenant-create button[type=submit]");
        await Expect(page.Locator("#tenants-table")).ToContainTextAsync("acme");
        await admin.AssertNoErrorsAsync();

        await page.GotoAsync("manage/tenants/acme");
        await page.FillAsync("#connection-name", "simulator");
        await page.SelectOptionAsync("#connection-kind", "pat");
        await page.FillAsync("#connection-token", world.GitHubToken);
        await page.FillAsync("#connection-api-base", world.Simulator.BaseAddress);
        await page.ClickAsync("#connection-add button[type=submit]");
        await Expect(page.Locator("#connections-table")).ToContainTextAsync("simulator");
        (await page.InputValueAsync("#connection-token")).ShouldBeEmpty("the token field is cleared once the connection is saved");
        (await page.ContentAsync()).ShouldNotContain(world.GitHubToken);

        await page.FillAsync("#member-email", UiWorld.ViewerEmail);
        await page.SelectOptionAsync("#member-role", "viewer");
        await page.ClickAsync("#member-add button[type=submit]");
        await Expect(page.Locator("#invitations-table")).ToContainTextAsync(UiWorld.ViewerEmail);
        await admin.AssertNoErrorsAsync();

        await page.GotoAsync("manage/repositories");
        await page.FillAsync("#repo-full-name", "acme/not a name");
        await Expect(page.Locator("#repo-full-name-hint")).ToHaveClassAsync("status error");
        await Expect(page.Locator("#repo-full-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("#repo-full-name", "acme/site");
        await Expect(page.Locator("#repo-full-name-hint")).ToHaveTextAsync("Looks right.");
        await page.SelectOptionAsync("#repo-connection", new SelectOptionValue { Label = "simulator (pat)" });
        await page.ClickAsync("#repo-add-submit");
        await Expect(page.Locator("#repo-full-name-hint")).ToContainTextAsync("acme/site is tracked");
        var row = page.Locator("#repos-table tbody tr[data-repo-id]");
        await Expect(row).ToHaveCountAsync(1);
        var repositoryId = long.Parse((await row.GetAttributeAsync("data-repo-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await admin.AssertNoErrorsAsync();

        // The test reads traffic of a repository tracked through the connection, so it comes after adding one.
        await page.GotoAsync("manage/tenants/acme");
        await page.ClickAsync("button[data-test-connection]");
        await Expect(page.Locator("#connection-test-headline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var connectionTest = await page.Locator("#connection-test-result").InnerTextAsync();
        await admin.AssertNoErrorsAsync();

        await page.GotoAsync("runs");
        await page.ClickAsync("#collect-now");
        await Expect(page.Locator("#collect-text")).ToHaveClassAsync("status ok", new() { Timeout = 60_000 });
        await Expect(page.Locator("#collect-text")).ToContainTextAsync("1 of 1 repositories, 0 failed");
        await admin.AssertNoErrorsAsync();

        return new AdminSetup(await admin.Context.CookiesAsync(), connectionTest, repositoryId);
    }
}
