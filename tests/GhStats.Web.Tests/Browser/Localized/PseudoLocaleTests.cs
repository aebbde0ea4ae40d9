using System.Text;
using System.Text.Json;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Browser.Localized;

/// <summary>
/// The pseudo-locale test: every page, served with every resource string turned into a marked, lengthened pseudo string
/// (<see cref="PseudoLocalizerFactory"/>) and mirrored (<c>dir="rtl"</c>), shows no interface text that did not come from
/// the resources, and no text clipped or lying over its neighbour. Dates and numbers are formatted in Japanese (the
/// request's culture, the browser's <c>Intl</c> with the page's lang), which writes them without Latin letters, so any
/// Latin letter outside the markers is either data (an element marked <c>translate="no"</c>) or a string someone forgot.
/// All pages are visited before the test fails, and its message lists every finding of every page.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PseudoLocaleTests(ChromiumFixture chromium, LocalizedWorld world) : IClassFixture<LocalizedWorld>
{
    private const string Language = "ja";

    // Runs in the page: what is wrong with it, as a JSON array of strings.
    private const string FindScript = """
        () => {
            const findings = [];
            const path = (element) => {
                const parts = [];
                for (let e = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
                    parts.unshift(e.id ? `${e.localName}#${e.id}` : e.localName + (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
                    if (e.id) break;
                }
                return parts.join(' > ');
            };
            const shown = (element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
            // Complete pseudo strings go (innermost first, as values fill placeholders), then a string's part that an
            // element inside it splits off: its start up to the node's end, its end from the node's start.
            const outsideMarkers = (text) => {
                let rest = text;
                for (let before = null; before !== rest;) {
                    before = rest;
                    rest = rest.replace(/\[!!(?:(?!\[!!|!!\])[\s\S])*!!\]/g, ' ');
                }
                return rest.replace(/\[!![\s\S]*$/, ' ').replace(/^[\s\S]*!!\]/, ' ');
            };
            const latin = /[A-Za-z]/;
            const data = (element) => element.closest('[translate="no"]') !== null;

            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('script, style, template, noscript') || !shown(parent) || data(parent)) continue;
                const left = outsideMarkers(node.textContent);
                if (latin.test(left)) findings.push(`text not from the resources: "${node.textContent.trim().slice(0, 120)}" in ${path(parent)}`);
            }
            for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit][value], input[type=button][value]')) {
                if (data(element)) continue;
                for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
                    if (name === 'value' && !['submit', 'button'].includes(element.type)) continue;
                    const value = element.getAttribute(name);
                    if (value && latin.test(outsideMarkers(value))) findings.push(`${name} not from the resources: "${value.slice(0, 120)}" on ${path(element)}`);
                }
            }
            if (latin.test(outsideMarkers(document.title))) findings.push(`the page title is not from the resources: "${document.title}"`);

            // Clipped text: an element holding text whose content is wider or taller than its box, where the overflow is hidden.
            const holdsText = (element) => [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            const all = [...document.body.querySelectorAll('*')].filter((e) => !e.closest('script, style, template, noscript, svg, .sr-only') && shown(e));
            for (const element of all) {
                if (!holdsText(element)) continue;
                const style = getComputedStyle(element);
                const hidesX = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
                const hidesY = ['hidden', 'clip'].includes(style.overflowY);
                if ((hidesX && element.scrollWidth > element.clientWidth + 1) || (hidesY && element.scrollHeight > element.clientHeight + 1)) {
                    findings.push(`clipped text: "${element.textContent.trim().slice(0, 80)}" in ${path(element)} (${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight})`);
                }
            }

            // Overlapping text: two sibling elements that both show text and whose line boxes cross.
            const hasText = (element) => element.textContent.trim().length > 0;
            const boxes = (element) => [...element.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
            const crosses = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
            const placed = (element) => !['absolute', 'fixed'].includes(getComputedStyle(element).position);
            for (const parent of [document.body, ...all]) {
                const children = [...parent.children].filter((c) => all.includes(c) && hasText(c) && placed(c));
                if (children.length < 2) continue;
                const rects = children.map(boxes);
                for (let i = 0; i < children.length; i += 1) {
                    for (let j = i + 1; j < children.length; j += 1) {
                        if (rects[i].some((a) => rects[j].some((b) => crosses(a, b)))) {
                            findings.push(`overlapping text: ${path(children[i])} and ${path(children[j])} ("${children[i].textContent.trim().slice(0, 40)}" / "${children[j].textContent.trim().slice(0, 40)}")`);
                        }
                    }
                }
            }
            if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                // Name the elements whose content is wider than their box and not clipped (innermost first), so the finding says where to look.
                const out = (e) => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 || r.left < -1; };
                const culprits = [...document.body.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0).reverse();
                findings.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window (${culprits.slice(0, 4).map((e) => { const r = e.getBoundingClientRect(); return `${path(e)} [${Math.round(r.left)}..${Math.round(r.right)} sw ${e.scrollWidth} cw ${e.clientWidth}]`; }).join(', ')})`);
            }
            return JSON.stringify(findings);
        }
        """;

    [Fact]
    public async Task EveryPage_InThePseudoLocale_Mirrored_ShowsOnlyResourceText_NeitherClippedNorOverlapping()
    {
        var report = new StringBuilder();
        var total = 0;
        await using (var browser = await LocalizedWorld.SignInAsync(chromium, world.PseudoApp, Language))
        {
            browser.AllowErrorResponse(404, "/repos/987654321");
            foreach (var (path, name, _) in world.Pages)
            {
                total += await CheckAsync(browser, path, name, report);
            }
        }

        await using (var signedOut = await LocalizedWorld.OpenAsync(chromium, world.PseudoApp, Language))
        {
            total += await CheckAsync(signedOut, LocalizedWorld.SignInPage, "sign-in", report);
        }

        total.ShouldBe(0, $"{total} findings on the pages in the pseudo-locale (right to left):{report}");
    }

    private static async Task<int> CheckAsync(BrowserPage browser, string path, string name, StringBuilder report)
    {
        var page = browser.Page;
        await page.GotoAsync(path);
        await LocalizedWorld.SettledAsync(page);
        // The pseudo strings really are on the page (the test's own check that the pseudo-locale is on).
        var pseudo = (await page.Locator("body").InnerTextAsync()).Contains(PseudoLocalizerFactory.Open, StringComparison.Ordinal);
        await page.EvaluateAsync("() => document.documentElement.setAttribute('dir', 'rtl')");
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
        string[] findings =
        [
            .. pseudo ? [] : new[] { "no resource string at all on the page" },
            .. JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(FindScript))!,
            .. await LocalizedWorld.NewErrorsAsync(browser),
        ];

        if (findings.Length > 0)
        {
            report.AppendLine().Append("== ").Append(name).Append(" (").Append(path).Append("): ").Append(findings.Length);
            foreach (var finding in findings.Distinct())
            {
                report.AppendLine().Append("- ").Append(finding);
            }
        }

        return findings.Length;
    }
}
