using System.Globalization;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// Charts and tables that say what is known (issue 12): on <see cref="CoverageWorld"/>'s repositories, days not collected
/// are a band with no line across, days without traffic are zeros, partial days are marked, weeks say how many of their
/// days are known, and the data-loss horizon is shown in words on the overview, the repository page and the collection page.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class CoverageUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    private const int RangeDays = 30;

    private DateOnly From => world.Today.AddDays(1 - RangeDays);

    private IEnumerable<DateOnly> GapDays =>
        Enumerable.Range(CoverageWorld.OutageEndsDaysAgo, CoverageWorld.OutageStartsDaysAgo - CoverageWorld.OutageEndsDaysAgo + 1)
            .Select(daysAgo => world.Today.AddDays(-daysAgo)).Order();

    private IEnumerable<DateOnly> PartialDays =>
        new[] { CoverageWorld.FirstReadDaysAgo, 13, 0 }.Select(daysAgo => world.Today.AddDays(-daysAgo)).Order();

    [Fact]
    public async Task TheDailyTable_ListsEveryDay_WithZerosNotCollectedAndPartialDaysSaidInWords()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;

        await page.GotoAsync($"repos/{world.QuietId}?days={RangeDays}");
        var rows = page.Locator("#traffic-table tbody tr");
        await Expect(rows).ToHaveCountAsync(RangeDays);

        var dates = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#traffic-table tbody tr')].map(tr => tr.dataset.date)");
        dates.ShouldBe(Enumerable.Range(0, RangeDays).Select(i => Iso(From.AddDays(i))).ToArray(), "every day of the range, oldest first");
        foreach (var gap in GapDays)
        {
            await Expect(Row(page, gap)).ToHaveAttributeAsync("data-coverage", "notCollected");
            await Expect(Row(page, gap).Locator("td")).ToHaveTextAsync("Not collected");
        }

        var zero = await page.EvaluateAsync<string[]>(
            "day => [...document.querySelector(`#traffic-table tbody tr[data-date='${day}']`).querySelectorAll('td')].map(td => td.textContent)", Iso(world.ZeroDay));
        zero.ShouldBe(["0", "0", "0", "0"], "a day GitHub left out of its answer is a known zero");
        foreach (var partial in PartialDays)
        {
            await Expect(Row(page, partial)).ToHaveAttributeAsync("data-coverage", "partial");
            await Expect(Row(page, partial).Locator("th .tag")).ToHaveTextAsync("partial day: GitHub's figures were cut short");
        }

        await Expect(page.Locator("#total-days")).ToHaveTextAsync($"24 of {RangeDays} days known, 3 partial");
        await Expect(page.Locator("#traffic-coverage")).ToContainTextAsync($"6 days not collected: {Shown(GapDays.First())} to {Shown(GapDays.Last())}");
        await Expect(page.Locator("#repository-horizon")).ToContainTextAsync($"fine last daily read {Shown(world.Today)}, today");

        await page.SelectOptionAsync("#per", "week");
        await Expect(page.Locator("#traffic-caption")).ToContainTextAsync("per week");
        var weeks = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#traffic-table tbody tr')].map(tr => tr.textContent)");
        weeks.ShouldContain(text => text.Contains("days of this week known", StringComparison.Ordinal), "a week with days not collected says how many are known");
        await browser.AssertNoErrorsAsync();
    }

    [Theory]
    [InlineData("de", "24 von 30 Tagen bekannt, 3 unvollständig", "Nicht erfasst", "6 Tage nicht erfasst: ", "dd.MM.yyyy", "Aufrufe und Klone pro Woche")]
    [InlineData("ja", "30 日のうち 24 日が判明、3 日は一部のみ", "未収集", "未収集 6 日: ", "yyyy/MM/dd", "週ごとのビューとクローン")]
    public async Task TheRepositoryPage_SaysWhatIsKnown_InThePagesLanguage(string language, string totalDays, string notCollected, string missing, string dayFormat, string weekCaption)
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        // The language cookie the menu's picker sets (the browser context's own locale stays en-US, as the sign-in expects).
        await page.Context.AddCookiesAsync([new Cookie { Name = "ghstats-language", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = world.App.Root.AbsoluteUri }]);

        await page.GotoAsync($"repos/{world.QuietId}?days={RangeDays}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("#traffic-table tbody tr")).ToHaveCountAsync(RangeDays);
        await Expect(page.Locator("#total-days")).ToHaveTextAsync(totalDays);
        var gap = GapDays.First();
        await Expect(Row(page, gap).Locator("td")).ToHaveTextAsync(notCollected);
        await Expect(Row(page, gap).Locator("th time")).ToHaveTextAsync(gap.ToString(dayFormat, CultureInfo.InvariantCulture));
        await Expect(page.Locator("#traffic-coverage")).ToContainTextAsync(missing + gap.ToString(dayFormat, CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#per", "week");
        await Expect(page.Locator("#traffic-caption")).ToContainTextAsync(weekCaption);
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheChart_DrawsTheOutageAsABand_AndZeroDaysAtZero_AndSaysNotCollectedOverTheGap()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;

        await page.GotoAsync($"repos/{world.QuietId}?days={RangeDays}");
        await DrawnAsync(page);
        var labels = await page.EvaluateAsync<string[]>("() => Chart.getChart('traffic-chart').data.labels");
        labels.ShouldBe(Enumerable.Range(0, RangeDays).Select(i => Iso(From.AddDays(i))).ToArray(), "one slot per day, every day");
        var views = await page.EvaluateAsync<long?[]>("() => Chart.getChart('traffic-chart').data.datasets[0].data");
        foreach (var (day, index) in labels.Select((label, index) => (DateOnly.ParseExact(label, "yyyy-MM-dd", CultureInfo.InvariantCulture), index)))
        {
            if (GapDays.Contains(day))
            {
                views[index].ShouldBeNull($"{day} was not collected: no point, so no line across it");
            }
            else
            {
                views[index].ShouldNotBeNull($"{day} is known");
            }
        }

        views[labels.ToList().IndexOf(Iso(world.ZeroDay))].ShouldBe(0, "a day without traffic is drawn at zero");
        var spans = await page.EvaluateAsync<bool[]>("() => Chart.getChart('traffic-chart').data.datasets.filter(d => !d.coverageSlots).map(d => d.spanGaps !== false)");
        spans.ShouldAllBe(spanned => !spanned, "no line is drawn across a gap");
        var legend = await page.EvaluateAsync<string[]>("() => Chart.getChart('traffic-chart').legend.legendItems.map(i => i.text)");
        legend.ShouldBe(["Views", "Unique visitors", "Clones", "Unique cloners", "Not collected", "Partial day"]);

        var bands = await page.EvaluateAsync<string[][]>("() => Chart.getChart('traffic-chart').$gapBands.map(b => [b.from, b.to])");
        bands.ShouldHaveSingleItem().ShouldBe([Iso(GapDays.First()), Iso(GapDays.Last())]);
        var edges = await page.EvaluateAsync<double[]>("() => { const b = Chart.getChart('traffic-chart').$gapBands[0]; return [b.left, b.right]; }");
        // The band is painted: a column through its middle is coloured from top to bottom, while a column through a
        // known stretch is mostly bare canvas (crossed only by grid lines and the series).
        var middle = (edges[0] + edges[1]) / 2;
        (await PaintedShareAsync(page, middle)).ShouldBeGreaterThan(0.95);
        var known = await page.EvaluateAsync<double>(
            "day => { const c = Chart.getChart('traffic-chart'); return c.scales.x.getPixelForValue(c.data.labels.indexOf(day)); }", Iso(world.Today.AddDays(-5)));
        (await PaintedShareAsync(page, known + 3)).ShouldBeLessThan(0.5);

        var box = (await page.Locator("#traffic-chart").BoundingBoxAsync()).ShouldNotBeNull();
        var area = await page.EvaluateAsync<double[]>("() => { const a = Chart.getChart('traffic-chart').chartArea; return [a.top, a.bottom]; }");
        await page.Mouse.MoveAsync((float)(box.X + middle), (float)(box.Y + ((area[0] + area[1]) / 2)));
        await page.WaitForFunctionAsync("() => Chart.getChart('traffic-chart').tooltip.opacity > 0");
        var tooltip = await page.EvaluateAsync<string[]>(
            "() => { const t = Chart.getChart('traffic-chart').tooltip; return [...t.body.flatMap(b => b.lines), ...t.footer]; }");
        tooltip.ShouldContain("Not collected");

        await page.SelectOptionAsync("#per", "week");
        await Expect(page.Locator("#traffic-caption")).ToContainTextAsync("per week");
        var weekLegend = await page.EvaluateAsync<string[]>("() => Chart.getChart('traffic-chart').legend.legendItems.map(i => i.text)");
        weekLegend.ShouldContain("Partly known week");
        await browser.SaveScreenshotAsync("repository-weeks");
        await browser.AssertNoErrorsAsync();
    }

    [Theory]
    [InlineData(BrowserColorScheme.Light, BrowserViewport.Desktop)]
    [InlineData(BrowserColorScheme.Dark, BrowserViewport.Desktop)]
    [InlineData(BrowserColorScheme.Light, BrowserViewport.Phone)]
    [InlineData(BrowserColorScheme.Dark, BrowserViewport.Phone)]
    public async Task TheRepositoryPage_WithAnOutage_PassesTheAccessibilityCheck_AndFitsTheScreen(BrowserColorScheme scheme, BrowserViewport viewport)
    {
        await using var browser = await world.SignInAsync(chromium, new BrowserPageOptions { ColorScheme = scheme, Viewport = viewport });
        var page = browser.Page;

        await page.GotoAsync($"repos/{world.QuietId}?days={RangeDays}");
        await DrawnAsync(page);
        await Expect(page.Locator("#traffic-table tbody tr[data-coverage=notCollected]")).ToHaveCountAsync(GapDays.Count());
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling");
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync("repository-coverage");
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheOverview_SaysEachRepositorysHorizonInWords()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;

        await page.GotoAsync($"?days={RangeDays}");
        await Expect(Horizon(page, world.QuietId)).ToHaveTextAsync($"fine {Shown(world.Today)}");
        await Expect(Horizon(page, world.StaleId)).ToHaveTextAsync($"losing days {Shown(world.Today.AddDays(-CoverageWorld.FirstReadDaysAgo))}");
        await Expect(Horizon(page, world.LapsingId)).ToHaveTextAsync($"at risk {Shown(world.Today.AddDays(-CoverageWorld.LapsingReadDaysAgo))}");
        await Expect(Horizon(page, world.StaleId).Locator("time")).ToHaveAttributeAsync("title", $"Last successful daily read, {CoverageWorld.FirstReadDaysAgo} days ago");
        await Expect(page.Locator($"#overview-table tr[data-repo-id='{world.QuietId}'] svg.spark path")).ToHaveCountAsync(1);
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync("overview-horizon");

        await page.GotoAsync($"repos/{world.StaleId}?days={RangeDays}");
        await Expect(page.Locator("#repository-horizon")).ToContainTextAsync("losing days");
        await Expect(page.Locator("#repository-horizon")).ToContainTextAsync("lost for good");
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheCollectionPage_CountsRepositoriesAtRiskAndLosingDays_AndItsLogFitsAt1400Pixels()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        await page.SetViewportSizeAsync(1400, 900);

        await page.GotoAsync("runs");
        await Expect(page.Locator("#horizon-losing-days")).ToHaveTextAsync("1 repository losing days");
        await Expect(page.Locator("#horizon-at-risk")).ToHaveTextAsync("1 repository at risk");
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#horizon-list a')].map(a => a.getAttribute('href'))");
        links.ShouldBe([$"/repos/{world.StaleId}", $"/repos/{world.LapsingId}"], "worst first");

        var runRows = page.Locator("#runs-table tbody tr[data-run-id]");
        await Expect(runRows).ToHaveCountAsync(4);
        // Every column, Details last, is inside the table's frame and the window: nothing to scroll to, nothing cut off.
        var fit = await page.EvaluateAsync<double[]>(
            """
            () => {
              const wrap = document.querySelector('#runs-table').closest('.table-wrap');
              const details = document.querySelector('#runs-table tbody tr[data-run-id] button[data-run-details]').getBoundingClientRect();
              return [wrap.scrollWidth - wrap.clientWidth, details.right - wrap.getBoundingClientRect().right, document.documentElement.scrollWidth - window.innerWidth];
            }
            """);
        fit[0].ShouldBeLessThanOrEqualTo(0, "the runs table is no wider than its frame");
        fit[1].ShouldBeLessThanOrEqualTo(0, "the Details buttons are inside the frame");
        fit[2].ShouldBeLessThanOrEqualTo(0, "the page does not scroll sideways");
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync("runs-1400");
        await browser.AssertNoErrorsAsync();
    }

    private static ILocator Row(IPage page, DateOnly day) => page.Locator($"#traffic-table tbody tr[data-date='{Iso(day)}']");

    private static ILocator Horizon(IPage page, long repositoryId) =>
        page.Locator($"#overview-table tr[data-repo-id='{repositoryId}'] [data-field=horizon]");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day as an English page shows it (ghstats.js formatDay: Intl's medium date in English).</summary>
    private static string Shown(DateOnly day) => day.ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>The share of the chart area's pixels in the column at <paramref name="x"/> (CSS pixels) that are painted.</summary>
    private static Task<double> PaintedShareAsync(IPage page, double x) =>
        page.EvaluateAsync<double>(
            """
            x => {
              const chart = Chart.getChart('traffic-chart');
              const ratio = chart.currentDevicePixelRatio;
              const { top, bottom } = chart.chartArea;
              const column = chart.ctx.getImageData(Math.round(x * ratio), Math.round(top * ratio) + 2, 1, Math.round((bottom - top) * ratio) - 4).data;
              let painted = 0;
              for (let i = 3; i < column.length; i += 4) if (column[i] > 0) painted += 1;
              return painted / (column.length / 4);
            }
            """,
            x);

    private static async Task DrawnAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('canvas')].every(c => typeof Chart !== 'undefined' && Chart.getChart(c) !== undefined) && document.querySelector('#traffic-table tbody tr[data-date]') !== null",
            null,
            new() { Timeout = 60_000 });
    }
}
