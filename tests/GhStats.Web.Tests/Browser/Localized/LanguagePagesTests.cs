using System.Diagnostics;
using System.Text;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace GhStats.Web.Tests.Browser.Localized;

/// <summary>
/// Every page in every language GhStats speaks, in light and dark: the html element names the language, no string is
/// missing (ghstats.js shows a missing key as ⟦key⟧), and axe finds no violation (its html-lang rules included). One load
/// per language and page: axe runs in light, the colour scheme switches without a reload, axe runs again. A language's
/// findings on all pages come in one message. Phone-width screenshots in German (long words) and Japanese (CJK glyphs).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LanguagePagesTests(ChromiumFixture chromium, LocalizedWorld world, ITestOutputHelper output) : IClassFixture<LocalizedWorld>
{
    public static TheoryData<string> Languages => new(LocalizedWorld.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryPage_SpeaksTheLanguage_AndPassesTheAccessibilityCheck_InLightAndDark(string language)
    {
        var clock = Stopwatch.StartNew();
        var report = new StringBuilder();
        var total = 0;
        await using (var browser = await LocalizedWorld.SignInAsync(chromium, world.App, language))
        {
            browser.AllowErrorResponse(404, "/repos/987654321");
            foreach (var (path, name, status) in world.Pages)
            {
                total += await CheckAsync(browser, path, name, status, language, report);
            }
        }

        await using (var signedOut = await LocalizedWorld.OpenAsync(chromium, world.App, language))
        {
            total += await CheckAsync(signedOut, LocalizedWorld.SignInPage, "sign-in", 200, language, report);
        }

        output.WriteLine($"{language}: {world.Pages.Count + 1} pages, light and dark, in {clock.Elapsed.TotalSeconds:0.0} s");
        total.ShouldBe(0, $"{total} findings on the pages in {language}:{report}");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task OnAPhone_TheOverviewRepositoryAndTenantPages_FitInGermanAndJapanese(string language)
    {
        await using var browser = await LocalizedWorld.SignInAsync(chromium, world.App, language, new BrowserPageOptions { Viewport = BrowserViewport.Phone });
        var page = browser.Page;
        foreach (var (path, name, _) in world.Pages.Where(p => p.Name is "overview" or "repository" or "tenant"))
        {
            await page.GotoAsync(path);
            await LocalizedWorld.SettledAsync(page);
            (await page.GetAttributeAsync("html", "lang")).ShouldBe(language);
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .ShouldBeTrue($"{name} in {language} scrolls sideways on a phone");
            var file = await browser.SaveScreenshotAsync($"{name}-{language}");
            output.WriteLine(file);
        }

        await browser.AssertNoErrorsAsync();
    }

    private static async Task<int> CheckAsync(BrowserPage browser, string path, string name, int status, string language, StringBuilder report)
    {
        var page = browser.Page;
        var findings = new List<string>();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        var response = await page.GotoAsync(path);
        if (response?.Status != status)
        {
            findings.Add($"answered {response?.Status} instead of {status}");
        }

        await LocalizedWorld.SettledAsync(page);
        var lang = await page.GetAttributeAsync("html", "lang");
        if (lang != language)
        {
            findings.Add($"<html lang=\"{lang}\"> instead of \"{language}\"");
        }

        var missing = await page.EvaluateAsync<string[]>("""
            () => {
                const found = [];
                if (document.body.innerText.includes('⟦')) found.push(...document.body.innerText.match(/⟦[^⟧]*⟧/g));
                for (const element of document.querySelectorAll('*')) {
                    for (const attribute of element.attributes) {
                        if (attribute.value.includes('⟦')) found.push(`${attribute.name}="${attribute.value}"`);
                    }
                }
                return [...new Set(found)];
            }
            """);
        findings.AddRange(missing.Select(key => $"missing string {key}"));

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var axe = await browser.CheckAccessibilityAsync();
            findings.AddRange(axe.Violations.Select(v =>
                $"axe ({scheme}): {v.Id}: {v.Help} at {string.Join(", ", v.Elements.Select(e => e.Target).Take(5))}"));
        }

        findings.AddRange(await LocalizedWorld.NewErrorsAsync(browser));
        if (findings.Count > 0)
        {
            report.AppendLine().Append("== ").Append(name).Append(" (").Append(path).Append("): ").Append(findings.Count);
            foreach (var finding in findings)
            {
                report.AppendLine().Append("- ").Append(finding);
            }
        }

        return findings.Count;
    }
}
