using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Badges;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Badges;

/// <summary>
/// The public badges: numbers equal what the signed-in API shows for the same range; a repository whose badges are off,
/// untracked, missing or of another tenant answers byte for byte like one that never existed; no caller identity changes
/// an answer; the SVG is well-formed and escaped; the JSON follows shields.io's endpoint schema; rate-limited per address.
/// </summary>
public sealed class BadgeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task OffUntrackedMissingAndAnotherTenantsRepository_AnswerByteForByteAlike()
    {
        await using var world = await BadgeWorld.StartAsync();
        var off = await world.App.TrackAsync(world.Acme, "octo", "off");
        var untracked = await world.App.TrackAsync(world.Acme, "octo", "untracked");
        await world.App.Get<IRepositoryStore>().SetBadgesAsync(world.Acme.Id, untracked.Id, enabled: true);
        await world.App.Get<IRepositoryStore>().RemoveAsync(world.Acme.Id, untracked.Id);
        var elsewhere = await world.App.TrackAsync(world.Other, "octo", "elsewhere");
        var anonymous = world.App.Anonymous();

        foreach (var file in new[] { "views.svg", "uniques.json", "stars.svg?days=all", "clones.json?days=7", "downloads.svg?days=90" })
        {
            var answers = new List<string>();
            foreach (var id in new[] { off.Id.ToString(CultureInfo.InvariantCulture), untracked.Id.ToString(CultureInfo.InvariantCulture), "987654", elsewhere.Id.ToString(CultureInfo.InvariantCulture), "not-a-number" })
            {
                using var response = await anonymous.GetAsync($"badges/{id}/{file}");
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
                answers.Add(await AnswerText.DescribeAsync(response));
            }

            answers.Distinct().ShouldHaveSingleItem($"{file} answered differently: {string.Join(" | ", answers)}");
        }

        // An unknown metric of a repository whose badges are on tells nothing either.
        using var unknownMetric = await anonymous.GetAsync($"badges/{world.Shown.Id}/forks.svg");
        using var missing = await anonymous.GetAsync("badges/987654/forks.svg");
        (await AnswerText.DescribeAsync(unknownMetric)).ShouldBe(await AnswerText.DescribeAsync(missing));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("14")]
    [InlineData("30")]
    [InlineData("90")]
    public async Task TheNumbers_EqualTheSummaryAndStatsOfTheSameRange(string days)
    {
        await using var world = await BadgeWorld.StartAsync();
        var owner = world.App.As(world.Owner);
        var from = Today.AddDays(1 - int.Parse(days, CultureInfo.InvariantCulture));
        var summary = await owner.GetJsonAsync($"api/v1/traffic/summary?tenant=acme&from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var row = summary.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("repoId").GetInt64() == world.Shown.Id);
        var stats = await owner.GetJsonAsync($"api/v1/repos/{world.Shown.Id}/stats?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var stars = stats.GetProperty("points").EnumerateArray().Last().GetProperty("stars").GetInt32();

        var views = await world.App.Anonymous().GetJsonAsync($"badges/{world.Shown.Id}/views.json?days={days}");
        var uniques = await world.App.Anonymous().GetJsonAsync($"badges/{world.Shown.Id}/uniques.json?days={days}");
        var clones = await world.App.Anonymous().GetJsonAsync($"badges/{world.Shown.Id}/clones.json?days={days}");
        var star = await world.App.Anonymous().GetJsonAsync($"badges/{world.Shown.Id}/stars.json?days={days}");

        views.GetProperty("message").GetString().ShouldBe(BadgeNumbers.Compact(row.GetProperty("views").GetInt64()));
        views.GetProperty("label").GetString().ShouldBe($"views ({days}d)");
        uniques.GetProperty("message").GetString().ShouldBe(BadgeNumbers.Compact(row.GetProperty("peakDailyUniqueViews").GetInt64()));
        uniques.GetProperty("label").GetString().ShouldBe($"visitors (peak day, {days}d)");
        clones.GetProperty("message").GetString().ShouldBe(BadgeNumbers.Compact(row.GetProperty("clones").GetInt64()));
        star.GetProperty("message").GetString().ShouldBe(BadgeNumbers.Compact(stars));
        row.GetProperty("stars").GetInt32().ShouldBe(stars);
    }

    [Fact]
    public async Task TheSeededNumbers_AreSummedOverTheRange_AndUniquesAreThePeakDay()
    {
        await using var world = await BadgeWorld.StartAsync();
        var anonymous = world.App.Anonymous();

        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/views.json?days=7")).GetProperty("message").GetString().ShouldBe("1.5k");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/views.json?days=30")).GetProperty("message").GetString().ShouldBe("1.5k");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/views.json?days=all")).GetProperty("message").GetString().ShouldBe("2.5k");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/views.json?days=all")).GetProperty("label").GetString().ShouldBe("views (all time)");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/uniques.json?days=7")).GetProperty("message").GetString().ShouldBe("40");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/clones.json?days=7")).GetProperty("message").GetString().ShouldBe("7");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/stars.json")).GetProperty("message").GetString().ShouldBe("12k");
    }

    [Fact]
    public async Task TheDownloadsBadge_EqualsTheDownloadsApi_InTheRangeAndSinceTracking_AndSaysNoDataBeforeAnyRead()
    {
        await using var world = await BadgeWorld.StartAsync();
        var published = Today.AddDays(-60);
        ReleaseRead Read(int back, long count) => new(world.Shown.Id, Today.AddDays(-back),
            [new ReleaseReading(5, "v1", "One", published, false, [new AssetReading(50, "a.zip", published, count)])]);
        var releases = world.App.Get<IReleaseStore>();
        await releases.MergeReleaseReadAsync(Read(40, 1_000));
        await releases.MergeReleaseReadAsync(Read(20, 1_400));
        await releases.MergeReleaseReadAsync(Read(3, 1_500));
        await releases.MergeReleaseReadAsync(Read(1, 1_530));
        var owner = world.App.As(world.Owner);
        var anonymous = world.App.Anonymous();

        foreach (var days in new[] { 7, 30, 90 })
        {
            var api = await owner.GetJsonAsync($"api/v1/repos/{world.Shown.Id}/downloads?from={Today.AddDays(1 - days):yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
            var badge = await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/downloads.json?days={days}");
            badge.GetProperty("label").GetString().ShouldBe($"downloads ({days}d)");
            badge.GetProperty("message").GetString().ShouldBe(BadgeNumbers.Compact(api.GetProperty("downloadsInRange").GetInt64()));
        }

        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/downloads.json?days=7")).GetProperty("message").GetString().ShouldBe("130");
        (await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/downloads.json?days=90")).GetProperty("message").GetString().ShouldBe("530");
        var all = await anonymous.GetJsonAsync($"badges/{world.Shown.Id}/downloads.json?days=all");
        (all.GetProperty("label").GetString(), all.GetProperty("message").GetString()).ShouldBe(("downloads", "1.5k"));

        var never = await world.App.TrackAsync(world.Acme, "octo", "never-read");
        await world.App.Get<IRepositoryStore>().SetBadgesAsync(world.Acme.Id, never.Id, enabled: true);
        (await anonymous.GetJsonAsync($"badges/{never.Id}/downloads.json")).GetProperty("message").GetString().ShouldBe("no data");
        (await anonymous.GetJsonAsync($"badges/{never.Id}/downloads.json?days=all")).GetProperty("message").GetString().ShouldBe("no data");
        using var svg = await anonymous.GetAsync($"badges/{world.Shown.Id}/downloads.svg?days=all");
        svg.StatusCode.ShouldBe(HttpStatusCode.OK);
        XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Descendants().Select(e => e.Value).ShouldContain("1.5k");
    }

    [Fact]
    public async Task ARangeWithoutCollectedDays_SaysNoData_NotZero()
    {
        await using var world = await BadgeWorld.StartAsync();
        var empty = await world.App.TrackAsync(world.Acme, "octo", "empty");
        await world.App.Get<IRepositoryStore>().SetBadgesAsync(world.Acme.Id, empty.Id, enabled: true);

        var views = await world.App.Anonymous().GetJsonAsync($"badges/{empty.Id}/views.json");
        var stars = await world.App.Anonymous().GetJsonAsync($"badges/{empty.Id}/stars.json");

        views.GetProperty("message").GetString().ShouldBe("no data");
        views.GetProperty("color").GetString().ShouldBe("lightgrey");
        stars.GetProperty("message").GetString().ShouldBe("no data");
    }

    [Fact]
    public async Task ASignedInCookieOrToken_DoesNotChangeTheAnswer()
    {
        await using var world = await BadgeWorld.StartAsync(development: true);
        var cookie = await world.App.SignInAsync("owner@acme.example");
        var token = world.App.As(world.Owner);
        var off = await world.App.TrackAsync(world.Acme, "octo", "hidden");

        foreach (var path in new[] { $"badges/{world.Shown.Id}/views.svg", $"badges/{world.Shown.Id}/uniques.json?days=90", $"badges/{off.Id}/views.svg" })
        {
            using var anonymous = await world.App.Anonymous().GetAsync(path);
            using var signedIn = await cookie.GetAsync(path);
            using var withToken = await token.GetAsync(path);

            var expected = await AnswerText.DescribeAsync(anonymous);
            (await AnswerText.DescribeAsync(signedIn)).ShouldBe(expected);
            (await AnswerText.DescribeAsync(withToken)).ShouldBe(expected);
            signedIn.Headers.Contains("Set-Cookie").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task TheSvg_IsAccessibleXml_WithItsHeaders()
    {
        await using var world = await BadgeWorld.StartAsync();

        using var response = await world.App.Anonymous().GetAsync($"badges/{world.Shown.Id}/uniques.svg?days=14");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("image/svg+xml; charset=utf-8");
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=300");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        var etag = response.Headers.ETag.ShouldNotBeNull();
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Root!.Name.ShouldBe(ns + "svg");
        svg.Root.Attribute("role")!.Value.ShouldBe("img");
        svg.Root.Attribute("aria-label")!.Value.ShouldBe("octo/shown: visitors (peak day, 14d): 40");
        svg.Root.Element(ns + "title")!.Value.ShouldBe("octo/shown: visitors (peak day, 14d): 40");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"badges/{world.Shown.Id}/uniques.svg?days=14");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await world.App.Anonymous().SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public void TheSvg_EscapesHostileText()
    {
        const string Hostile = "<script>alert('x')</script> & \"quoted\" \u0001";

        var text = BadgeSvg.Render(Hostile, Hostile, "#007ec6\"/><script/>", Hostile);

        text.ShouldNotContain("<script");
        var svg = XDocument.Parse(text);
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Root!.Element(ns + "title")!.Value.ShouldBe("<script>alert('x')</script> & \"quoted\" \uFFFD");
        svg.Descendants(ns + "text").Select(t => t.Value).ShouldAllBe(v => v == "<script>alert('x')</script> & \"quoted\" \uFFFD");
        svg.Descendants(ns + "script").ShouldBeEmpty();
        BadgeSvg.Width("views (30d)").ShouldBeLessThan(BadgeSvg.Width("visitors (peak day, 30d)"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1k")]
    [InlineData(1234, "1.2k")]
    [InlineData(1999, "1.9k")]
    [InlineData(12_345, "12k")]
    [InlineData(999_999, "999k")]
    [InlineData(3_456_789, "3.4M")]
    [InlineData(2_000_000_000, "2B")]
    public void Numbers_AreCompactAndRoundedDown(long value, string expected) => BadgeNumbers.Compact(value).ShouldBe(expected);

    [Fact]
    public async Task TheJson_FollowsTheShieldsEndpointSchema()
    {
        await using var world = await BadgeWorld.StartAsync();

        using var response = await world.App.Anonymous().GetAsync($"badges/{world.Shown.Id}/clones.json?days=30");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=300");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["schemaVersion", "label", "message", "color", "cacheSeconds"]);
        json.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        json.GetProperty("label").GetString().ShouldBe("clones (30d)");
        json.GetProperty("message").GetString().ShouldBe("7");
        json.GetProperty("color").GetString().ShouldBe("blue");
        json.GetProperty("cacheSeconds").GetInt32().ShouldBe(300);
    }

    [Fact]
    public async Task ABadDaysValue_Is400_ForEveryRepositoryAlike()
    {
        await using var world = await BadgeWorld.StartAsync();

        using var shown = await world.App.Anonymous().GetAsync($"badges/{world.Shown.Id}/views.svg?days=365");
        using var missing = await world.App.Anonymous().GetAsync("badges/987654/views.svg?days=365");

        shown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AnswerText.DescribeAsync(shown)).ShouldBe(await AnswerText.DescribeAsync(missing));
    }

    [Fact]
    public async Task Badges_OverTheirLimitPerAddress_Get429WithRetryAfter()
    {
        await using var world = await BadgeWorld.StartAsync(settings: new Dictionary<string, string?> { ["GhStats:RateLimits:Badges:PermitLimit"] = "3" });
        var anonymous = world.App.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            (await anonymous.GetAsync($"badges/{world.Shown.Id}/views.svg")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await anonymous.GetAsync($"badges/{world.Shown.Id}/views.svg");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull();
        retryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        retryAfter.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await world.App.As(world.Owner).GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheToggle_TurnsBadgesOnAndOff_ShowsOnTheRepository_AndIsAudited()
    {
        await using var world = await BadgeWorld.StartAsync();
        var repository = await world.App.TrackAsync(world.Acme, "octo", "toggled");
        var owner = world.App.As(world.Owner);

        using var on = await owner.PutJsonAsync($"api/v1/repos/{repository.Id}/badges", new { enabled = true });
        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await on.Content.ReadAsStringAsync()).RootElement.GetProperty("badgesEnabled").GetBoolean().ShouldBeTrue();
        (await owner.GetJsonAsync($"api/v1/repos/{repository.Id}")).GetProperty("badgesEnabled").GetBoolean().ShouldBeTrue();
        (await world.App.Anonymous().GetAsync($"badges/{repository.Id}/views.svg")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var off = await owner.PutJsonAsync($"api/v1/repos/{repository.Id}/badges", new { enabled = false });
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.App.Anonymous().GetAsync($"badges/{repository.Id}/views.svg")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var invalid = await owner.PutJsonAsync($"api/v1/repos/{repository.Id}/badges", new { });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var audit = await owner.GetJsonAsync("api/v1/tenants/acme/audit");
        var entries = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("action").GetString() == AuditActions.RepositoryBadgesChanged).ToList();
        entries.Count.ShouldBe(2);
        entries.Select(e => e.GetProperty("details").GetString()).ShouldBe(["off", "on"], ignoreOrder: true);
    }

    [Fact]
    public async Task AViewer_MayNotTurnBadgesOn_AndACookieCallerNeedsTheAntiforgeryToken()
    {
        await using var world = await BadgeWorld.StartAsync(development: true);
        var viewer = await world.App.CreateUserAsync("viewer@acme.example");
        await world.App.AddMemberAsync(world.Acme, viewer, TenantRole.Viewer);
        var repository = await world.App.TrackAsync(world.Acme, "octo", "guarded");

        using var refused = await world.App.As(viewer).PutJsonAsync($"api/v1/repos/{repository.Id}/badges", new { enabled = true });
        var cookie = await world.App.SignInAsync("owner@acme.example");
        var token = cookie.AntiforgeryToken;
        cookie.AntiforgeryToken = null;
        using var withoutToken = await cookie.PutJsonAsync($"api/v1/repos/{repository.Id}/badges", new { enabled = true });
        cookie.AntiforgeryToken = token;
        using var withToken = await cookie.PutJsonAsync($"api/v1/repos/{repository.Id}/badges", new { enabled = true });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withToken.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed class BadgeWorld : IAsyncDisposable
    {
        private BadgeWorld(WebApp app, Tenant acme, Tenant other, SeededUser owner, TrackedRepository shown)
        {
            App = app;
            Acme = acme;
            Other = other;
            Owner = owner;
            Shown = shown;
        }

        public WebApp App { get; }

        public Tenant Acme { get; }

        public Tenant Other { get; }

        public SeededUser Owner { get; }

        public TrackedRepository Shown { get; }

        public static async Task<BadgeWorld> StartAsync(bool development = false, Dictionary<string, string?>? settings = null)
        {
            var app = await WebApp.StartAsync(new WebAppOptions
            {
                Clock = new CalendarClock(Now),
                Environment = development ? "Development" : "Production",
                Settings = settings ?? new Dictionary<string, string?>(),
            });
            var acme = await app.CreateTenantAsync("acme");
            var other = await app.CreateTenantAsync("other");
            var owner = await app.CreateUserAsync("owner@acme.example");
            await app.AddMemberAsync(acme, owner, TenantRole.Owner);
            var shown = await app.TrackAsync(acme, "octo", "shown");
            await app.Get<IRepositoryStore>().SetBadgesAsync(acme.Id, shown.Id, enabled: true);
            var traffic = app.Get<ITrafficStore>();

            // 7 days: 1,500 views (peak day 40 uniques), 7 clones; 1,000 more views 40 days ago.
            await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(shown.Id, Today,
            [
                new TrafficDay(shown.Id, Today.AddDays(-1), 1000, 40, 4, 2),
                new TrafficDay(shown.Id, Today.AddDays(-3), 500, 25, 3, 3),
            ]));
            await traffic.MergeTrafficDaysAsync([new TrafficDay(shown.Id, Today.AddDays(-40), 1000, 90, 0, 0)]);
            await traffic.MergeRepositoryStatsAsync(
            [
                new RepositoryDailyStats(shown.Id, Today.AddDays(-2), 12_000, 10, 5, 1, 100),
                new RepositoryDailyStats(shown.Id, Today, 12_345, 11, 5, 1, 100),
            ]);
            return new BadgeWorld(app, acme, other, owner, shown);
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
