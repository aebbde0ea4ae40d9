using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// Notes on the repository page in a real browser: an owner adds one to the repository and one to the whole tenant; every
/// time chart draws them as marker lines and lists them next to it; keyboard focus on an item highlights its line; both
/// themes pass the accessibility check; deleting asks first.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AnnotationsUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    private const string Markers = "(id) => (Chart.getChart(document.getElementById(id))?.$markers ?? []).map(m => `${m.kind} ${m.date} ${m.active}`)";

    [Fact]
    public async Task NotesMarkEveryTimeChart_AreListedAndKeyboardFocusable_InBothThemes_AndDeleteAsksFirst()
    {
        var launchDay = Iso(world.Today.AddDays(-5));
        var outageDay = Iso(world.Today.AddDays(-10));
        await using (var light = await world.SignInAsync(chromium))
        {
            var page = light.Page;
            await page.GotoAsync($"repos/{world.QuietId}?days=30");
            await Expect(page.Locator("#notes-list")).ToContainTextAsync("No notes in this range.");

            await AddNoteAsync(page, outageDay, "Docs site down <b>all day</b>", link: null, tenantWide: true);
            await Expect(page.Locator("#notes-status")).ToHaveTextAsync("Note added to every repository of the tenant.");
            await AddNoteAsync(page, launchDay, "Launch post on the blog", "https://example.com/launch", tenantWide: false);
            await Expect(page.Locator("#notes-status")).ToHaveTextAsync("Note added.");

            var items = page.Locator("#traffic-chart-markers li");
            await Expect(items).ToHaveCountAsync(2);
            await Expect(items.First).ToContainTextAsync("Tenant note");
            await Expect(items.First).ToContainTextAsync("Docs site down <b>all day</b>");
            await Expect(items.Nth(1).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "https://example.com/launch");
            await Expect(page.Locator("#traffic-chart-markers-summary")).ToContainTextAsync("2 notes marked on this chart");
            await Expect(page.Locator("#traffic-chart")).ToHaveAttributeAsync("aria-describedby", "traffic-chart-markers-summary");
            await Expect(page.Locator("#stats-chart-markers li")).ToHaveCountAsync(2);
            (await page.EvaluateAsync<string[]>(Markers, "traffic-chart")).ShouldBe([$"note {outageDay} false", $"note {launchDay} false"]);

            // Keyboard: focus the first item, Tab to the next; the focused item's line is the highlighted one.
            await items.First.FocusAsync();
            (await page.EvaluateAsync<string[]>(Markers, "traffic-chart")).ShouldBe([$"note {outageDay} true", $"note {launchDay} false"]);
            await page.Keyboard.PressAsync("Tab");
            await Expect(items.Nth(1)).ToBeFocusedAsync();
            (await page.EvaluateAsync<string[]>(Markers, "traffic-chart")).ShouldBe([$"note {outageDay} false", $"note {launchDay} true"]);
            await page.Locator("section[aria-labelledby=traffic-heading]").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "repository-annotations-traffic.light.png") });
            await page.Locator("#notes").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "repository-annotations-notes.light.png") });
            (await light.CheckAccessibilityAsync()).AssertNoViolations();
            await light.AssertNoErrorsAsync();
        }

        await using var dark = await world.SignInAsync(chromium, new BrowserPageOptions { ColorScheme = BrowserColorScheme.Dark });
        var darkPage = dark.Page;
        await darkPage.GotoAsync($"repos/{world.QuietId}?days=30");
        var darkItems = darkPage.Locator("#traffic-chart-markers li");
        await Expect(darkItems).ToHaveCountAsync(2);
        await darkItems.Nth(1).HoverAsync();
        (await darkPage.EvaluateAsync<string[]>(Markers, "traffic-chart")).ShouldBe([$"note {outageDay} false", $"note {launchDay} true"]);
        await darkPage.Locator("section[aria-labelledby=traffic-heading]").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "repository-annotations-traffic.dark.png") });
        (await dark.CheckAccessibilityAsync()).AssertNoViolations();

        // Per week, a note marks the week that holds its day.
        await darkPage.SelectOptionAsync("#per", "week");
        await Expect(darkPage.Locator("#traffic-table tbody tr").First).ToBeVisibleAsync();
        await darkPage.WaitForFunctionAsync("() => (Chart.getChart(document.getElementById('traffic-chart'))?.data.labels.length ?? 99) < 10");
        (await darkPage.EvaluateAsync<string[]>(Markers, "traffic-chart")).Length.ShouldBe(2);

        // Deleting asks first; cancelling keeps the note.
        var deleteOutage = darkPage.GetByRole(AriaRole.Button, new() { Name = $"Delete the note of {Shown(world.Today.AddDays(-10))}: Docs site down <b>all day</b>" });
        await deleteOutage.ClickAsync();
        await darkPage.Locator("#confirm-dialog button[value=cancel]").ClickAsync();
        await Expect(darkPage.Locator("#notes-list li")).ToHaveCountAsync(2);
        await deleteOutage.ClickAsync();
        await darkPage.Locator("#confirm-yes").ClickAsync();
        await Expect(darkPage.Locator("#notes-status")).ToHaveTextAsync("Note deleted.");
        await Expect(darkPage.Locator("#notes-list li")).ToHaveCountAsync(1);
        await Expect(darkPage.Locator("#traffic-chart-markers li")).ToHaveCountAsync(1);
        await dark.AssertNoErrorsAsync();
    }

    private static async Task AddNoteAsync(IPage page, string day, string text, string? link, bool tenantWide)
    {
        await page.FillAsync("#note-date", day);
        await page.FillAsync("#note-text", text);
        await page.FillAsync("#note-link", link ?? string.Empty);
        await page.CheckAsync(tenantWide ? "#note-scope-tenant" : "#note-scope-repository");
        await page.ClickAsync("#note-form button[type=submit]");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A day as an English page shows it (ghstats.js formatDay: Intl's medium date).</summary>
    private static string Shown(DateOnly day) => day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
