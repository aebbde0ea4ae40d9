using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// The tenant summary sorts, filters and pages on the server: a page of rows in the order asked for, the count of every
/// matching row and their totals (the overview's headline figures), bad parameters refused in the caller's language,
/// and never a row of another tenant or of a repository the caller may not read.
/// </summary>
public sealed class SummaryPagingTests(SummaryPagingTests.World world) : IClassFixture<SummaryPagingTests.World>
{
    private const string Range = "from=2026-11-01&to=2026-11-03";

    [Fact]
    public async Task APage_IsCutFromTheSortedRows_WithTheCountAndTotalsOfAllOfThem()
    {
        var page = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}&sort=views&order=desc&offset=2&limit=3");

        Names(page).ShouldBe(["acme/repo-23", "acme/repo-22", "acme/repo-21"]);
        page.GetProperty("matching").GetInt32().ShouldBe(World.Repositories);
        page.GetProperty("offset").GetInt32().ShouldBe(2);
        page.GetProperty("limit").GetInt32().ShouldBe(3);
        page.GetProperty("order").GetString().ShouldBe("desc");
        var totals = page.GetProperty("totals");
        totals.GetProperty("repositories").GetInt32().ShouldBe(World.Repositories);
        totals.GetProperty("views").GetInt64().ShouldBe(Enumerable.Range(1, World.Repositories).Sum(i => (long)i * 10));
        totals.GetProperty("stars").GetInt64().ShouldBe(Enumerable.Range(1, World.Repositories).Where(i => i % 2 == 0).Sum(i => (long)i));
    }

    [Fact]
    public async Task Ascending_PutsTheSmallestFirst_AndTheLastPageHoldsWhatIsLeft()
    {
        var first = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}&sort=views&order=asc&limit=2");
        var last = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}&sort=views&order=asc&offset=20&limit=10");

        Names(first).ShouldBe(["acme/repo-01", "acme/repo-02"]);
        Names(last).ShouldBe(["acme/repo-21", "acme/repo-22", "acme/repo-23", "acme/repo-24", "acme/repo-25"]);
        last.GetProperty("matching").GetInt32().ShouldBe(World.Repositories);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task RowsWithoutAValue_ComeLast_InEitherOrder(string order)
    {
        var page = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}&sort=stars&order={order}&limit=200");

        var stars = page.GetProperty("repositories").EnumerateArray()
            .Select(r => r.GetProperty("stars").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("stars").GetInt32()).ToList();
        stars.Take(12).ShouldAllBe(s => s != null);
        stars.Skip(12).ShouldAllBe(s => s == null);
        stars.Take(12).ShouldBe(order == "asc" ? stars.Take(12).Order() : stars.Take(12).OrderDescending());
    }

    [Fact]
    public async Task ByName_SortsBothWays_AndTheNameFilterNarrowsCountAndTotals()
    {
        var descending = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}&sort=fullName&order=desc&limit=2");
        var filtered = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}&sort=fullName&name=REPO-1&limit=50");

        Names(descending).ShouldBe(["acme/repo-25", "acme/repo-24"]);
        Names(filtered).ShouldBe(Enumerable.Range(10, 10).Select(i => $"acme/repo-{i}").ToList());
        filtered.GetProperty("matching").GetInt32().ShouldBe(10);
        filtered.GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(Enumerable.Range(10, 10).Sum(i => (long)i * 10));
    }

    [Fact]
    public async Task WithoutPagingParameters_EveryRowComes_InTheOldOrder()
    {
        var all = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?tenant=paged&{Range}");

        Names(all).ShouldBe(Enumerable.Range(1, World.Repositories).Select(i => $"acme/repo-{i:00}").ToList());
        all.GetProperty("matching").GetInt32().ShouldBe(World.Repositories);
        all.GetProperty("limit").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task AGrantedCaller_PagesAndTotalsOnlyTheRepositoriesItMaySee()
    {
        var page = await world.Granted.GetJsonAsync($"api/v1/traffic/summary?{Range}&sort=views&order=desc&limit=50");

        Names(page).ShouldBe(["acme/repo-07"]);
        page.GetProperty("matching").GetInt32().ShouldBe(1);
        page.GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(70);
    }

    [Fact]
    public async Task AnOwnerOfOneTenant_NeverPagesAnothersRows()
    {
        var mine = await world.Owner.GetJsonAsync($"api/v1/traffic/summary?{Range}&sort=views&order=desc&limit=200");
        using var other = await world.Owner.GetAsync($"api/v1/traffic/summary?tenant=other&{Range}&sort=views&limit=5");

        mine.GetProperty("matching").GetInt32().ShouldBe(World.Repositories);
        Names(mine).ShouldNotContain("rival/secret");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("sort=size", "sort must be one of fullName, views, viewsChange, peakDailyUniqueViews, clones, clonesChange, peakDailyUniqueClones, stars, forks, daysSinceRead, lastStatus, lastCollectedAt, not 'size'.")]
    [InlineData("order=up", "order must be asc or desc, not 'up'.")]
    [InlineData("offset=-1", "offset must be a whole number from 0 to 2147483647, not '-1'.")]
    [InlineData("offset=1.5", "offset must be a whole number from 0 to 2147483647, not '1.5'.")]
    [InlineData("limit=0", "limit must be a number between 1 and 200, not '0'.")]
    [InlineData("limit=201", "limit must be a number between 1 and 200, not '201'.")]
    [InlineData("sort=views&sort=clones", "sort is given 2 times.")]
    public async Task ABadParameter_IsA400_SayingWhy(string query, string detail)
    {
        using var response = await world.Owner.GetAsync($"api/v1/traffic/summary?tenant=paged&{Range}&{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Invalid request");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task ATooLongNameFilter_IsRefused_InTheCallersLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/traffic/summary?tenant=paged&{Range}&name={new string('x', 201)}");
        request.Headers.AcceptLanguage.ParseAdd("de");
        using var response = await world.Owner.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Ungültige Anfrage");
        problem.GetProperty("detail").GetString().ShouldBe("name ist 201 Zeichen lang; höchstens 200 sind erlaubt.");
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesThePagingParameters()
    {
        var document = await world.Owner.GetJsonAsync("openapi/ghstats.json");
        var operation = document.GetProperty("paths").GetProperty("/api/v1/traffic/summary").GetProperty("get");

        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["tenant", "from", "to", "sort", "order", "offset", "limit", "name"], ignoreOrder: true);
    }

    private static List<string> Names(JsonElement summary) =>
        summary.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("fullName").GetString()!).ToList();

    /// <summary>
    /// Tenant "paged": acme/repo-01 to -25, repo i with 10 x i views, the even ones with i stars (the odd ones have no
    /// figures yet); an owner of it, a caller granted repo-07 alone, and tenant "other" with a repository of its own.
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        public const int Repositories = 25;
        private static readonly DateOnly Day = new(2026, 11, 2);
        private WebApp? _app;

        public WebCaller Owner { get; private set; } = null!;

        public WebCaller Granted { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync();
            var tenant = await _app.CreateTenantAsync("paged");
            var traffic = _app.Get<ITrafficStore>();
            TrackedRepository? seventh = null;
            for (var i = 1; i <= Repositories; i++)
            {
                var repository = await _app.TrackAsync(tenant, "acme", $"repo-{i:00}");
                seventh = i == 7 ? repository : seventh;
                await traffic.MergeTrafficDaysAsync([new TrafficDay(repository.Id, Day, i * 10, i, i, 1)]);
                if (i % 2 == 0)
                {
                    await traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repository.Id, Day, i, 1, 1, 0, 10)]);
                }
            }

            var other = await _app.CreateTenantAsync("other");
            var secret = await _app.TrackAsync(other, "rival", "secret");
            await traffic.MergeTrafficDaysAsync([new TrafficDay(secret.Id, Day, 100_000, 1, 0, 0)]);

            var owner = await _app.CreateUserAsync("owner@paged.example");
            await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
            Owner = _app.As(owner);
            var granted = await _app.CreateUserAsync("granted@paged.example");
            await _app.GrantAsync(granted, seventh!);
            Granted = _app.As(granted);
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
