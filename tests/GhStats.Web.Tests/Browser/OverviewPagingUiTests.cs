using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.Browser;
using GhStats.Web.Tests.Harness;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The overview of a tenant with 10,000 repositories shows 50 at a time: the server sorts, pages and filters (the page
/// asks it on every header, pager and filter change), the headline figures stay over every repository, the address
/// keeps what is shown so back and forward work, and moving between pages shifts nothing.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class OverviewPagingUiTests(ChromiumFixture chromium, OverviewPagingUiTests.World world) : IClassFixture<OverviewPagingUiTests.World>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private ILocator Rows(IPage page) => page.Locator("#overview-table tbody tr[data-repo-id]");

    [Fact]
    public async Task TenThousandRepositories_PageSortAndFilterOnTheServer()
    {
        await using var browser = await DevelopmentSignIn.OpenAsync(chromium, world.App.Root, World.AdminEmail);
        var page = browser.Page;
        var summaries = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/traffic/summary?", StringComparison.Ordinal))
            {
                lock (summaries)
                {
                    summaries.Add(request.Url);
                }
            }
        };
        var byViews = world.Names.OrderByDescending(world.ViewsOf).ToList();

        await page.GotoAsync("?days=30");
        await Expect(Rows(page)).ToHaveCountAsync(50);
        await Expect(page.Locator("#page-position")).ToHaveTextAsync("1–50 of 10,000");
        await Expect(page.Locator("#overview-headline")).ToHaveTextAsync(
            $"10,000 repositories: {world.Names.Sum(n => (long)world.ViewsOf(n)).ToString("N0", English)} views, 10,000 clones, 0 stars");
        await Expect(Rows(page).First.Locator("th a")).ToHaveTextAsync(byViews[0]);
        await Expect(page.Locator("#page-previous")).ToBeDisabledAsync();

        // By name, then back to views: each click asks the server, whose first rows the page shows.
        await page.ClickAsync("th[data-sort=fullName] button");
        await Expect(Rows(page).First.Locator("th a")).ToHaveTextAsync("org/repo-00001");
        await Expect(page.Locator("th[data-sort=fullName]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(page.Locator("th[data-sort=views]")).ToHaveAttributeAsync("aria-sort", "none");
        await page.Locator("th[data-sort=views] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("th[data-sort=views]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(Rows(page).First.Locator("th a")).ToHaveTextAsync(byViews[0]);
        (await Rows(page).Locator("th a").AllTextContentsAsync()).ShouldBe(byViews.Take(50));
        Asked(summaries).ShouldContain(q => q.Contains("sort=fullName&order=asc", StringComparison.Ordinal));
        Asked(summaries).ShouldContain(q => q.Contains("sort=views&order=desc", StringComparison.Ordinal) && q.Contains("limit=50", StringComparison.Ordinal));

        // The next page, with nothing on the page moving while it loads.
        await page.EvaluateAsync("""
            () => {
              window.shifts = 0;
              new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts += e.value; }).observe({ type: 'layout-shift' });
            }
            """);
        await page.ClickAsync("#page-next");
        await Expect(page.Locator("#page-position")).ToHaveTextAsync("51–100 of 10,000");
        (await Rows(page).Locator("th a").AllTextContentsAsync()).ShouldBe(byViews.Skip(50).Take(50));
        page.Url.ShouldContain("page=2");
        Asked(summaries).ShouldContain(q => q.Contains("offset=50", StringComparison.Ordinal));
        // Under 0.1, what Core Web Vitals calls a good cumulative layout shift; 0.03 measured (column widths follow the numbers).
        (await page.EvaluateAsync<double>("() => window.shifts")).ShouldBeLessThan(0.1, "the rows are replaced in place");

        // Back and forward restore the page from the address.
        await page.GoBackAsync();
        await Expect(page.Locator("#page-position")).ToHaveTextAsync("1–50 of 10,000");
        await Expect(Rows(page).First.Locator("th a")).ToHaveTextAsync(byViews[0]);
        await page.GoForwardAsync();
        await Expect(page.Locator("#page-position")).ToHaveTextAsync("51–100 of 10,000");

        // The filter asks the server too; the headline counts what matches.
        await page.FillAsync("#filter", "repo-0999");
        await Expect(Rows(page)).ToHaveCountAsync(10);
        await Expect(page.Locator("#page-position")).ToHaveTextAsync("1–10 of 10");
        await Expect(page.Locator("#overview-headline")).ToContainTextAsync("10 repositories:");
        await Expect(page.Locator("#page-next")).ToBeDisabledAsync();
        (await Rows(page).Locator("th a").AllTextContentsAsync())
            .ShouldBe(world.Names.Where(n => n.StartsWith("org/repo-0999", StringComparison.Ordinal)).OrderByDescending(world.ViewsOf));
        Asked(summaries).ShouldContain(q => q.Contains("name=repo-0999", StringComparison.Ordinal));
        page.Url.ShouldContain("name=repo-0999");

        // A link with the state opens the same view.
        await page.GotoAsync("?days=30&sort=fullName&order=desc&page=3");
        await Expect(page.Locator("#page-position")).ToHaveTextAsync("101–150 of 10,000");
        await Expect(Rows(page).First.Locator("th a")).ToHaveTextAsync("org/repo-09900");
        await Expect(page.Locator("th[data-sort=fullName]")).ToHaveAttributeAsync("aria-sort", "descending");
        await browser.AssertNoErrorsAsync();
    }

    private static List<string> Asked(List<string> summaries)
    {
        lock (summaries)
        {
            return [.. summaries];
        }
    }

    /// <summary>
    /// An app in Development with tenant "big": org/repo-00001 to org/repo-10000, seeded through the stores with one day
    /// of traffic each two days ago (views a permutation of 1 to 10,000, one clone each), and an admin.
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        public const string AdminEmail = "admin@localhost";
        public const int Repositories = 10_000;
        private WebApp? _app;

        public WebApp App => _app ?? throw new InvalidOperationException("The world has not started.");

        public IReadOnlyList<string> Names { get; } =
            Enumerable.Range(1, Repositories).Select(i => $"org/repo-{i.ToString("00000", CultureInfo.InvariantCulture)}").ToList();

        /// <summary>Views of a repository: i x 7919 mod 10,000 + 1, a permutation of 1 to 10,000 (7919 is prime), so no two tie.</summary>
        public int ViewsOf(string name) => (int)(int.Parse(name[^5..], CultureInfo.InvariantCulture) * 7919L % Repositories) + 1;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            await App.CreateUserAsync(AdminEmail, SystemRole.Admin);
            var tenant = await App.CreateTenantAsync("big", "Big");
            var repositories = App.Get<IRepositoryStore>();
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            var days = new List<TrafficDay>(Repositories);
            foreach (var name in Names)
            {
                var repository = await repositories.AddAsync(tenant.Id, "org", name[4..]);
                days.Add(new TrafficDay(repository.Id, day, ViewsOf(name), 1, 1, 1));
            }

            await App.Get<ITrafficStore>().MergeTrafficDaysAsync(days);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
