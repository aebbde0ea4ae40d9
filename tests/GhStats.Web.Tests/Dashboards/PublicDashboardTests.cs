using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Dashboards;

/// <summary>
/// Public dashboards: an unknown, unpublished or deleted page and a repository that is not on it answer byte for byte like a
/// missing page; no caller identity changes an answer; the data holds the chosen repositories only, and referrers and
/// popular content only when opted in; frame-ancestors lists exactly the allowed origins; rate-limited; unpublishing and
/// changes show at once despite the server-side cache.
/// </summary>
public sealed class PublicDashboardTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task UnknownUnpublishedDeletedAndOffTheSetAddresses_AnswerByteForByteLikeAMissingPage()
    {
        await using var world = await DashboardWorld.StartAsync();
        var store = world.App.Get<IPublicDashboardStore>();
        var unpublished = await store.CreateAsync(world.Acme.Id, "unpublished0000000000000", new PublicDashboardSettings("Hidden", [world.Shown.Id], Published: false));
        var deleted = await store.CreateAsync(world.Acme.Id, "deleted00000000000000000", new PublicDashboardSettings("Gone", [world.Shown.Id]));
        await store.DeleteAsync(world.Acme.Id, deleted.Id);
        var untracked = await world.App.TrackAsync(world.Acme, "octo", "untracked");
        var purged = await world.App.TrackAsync(world.Acme, "octo", "purged");
        var shrinking = await store.CreateAsync(world.Acme.Id, "shrinking000000000000000", new PublicDashboardSettings("Shrinking", [world.Shown.Id, untracked.Id, purged.Id]));
        await world.App.Get<IRepositoryStore>().RemoveAsync(world.Acme.Id, untracked.Id);
        await world.App.Get<IRepositoryStore>().RemoveAsync(world.Acme.Id, purged.Id, purge: true);
        var anonymous = world.App.Anonymous();
        var published = world.Dashboard.Slug;

        foreach (var tail in new[] { string.Empty, "/data", "/data?days=90" })
        {
            var addresses = new[]
            {
                $"p/0123456789abcdef01234567{tail}",
                $"p/NOT-A-SLUG{tail}",
                $"p/{unpublished.Slug}{tail}",
                $"p/{deleted.Slug}{tail}",
                $"p/{published}{With(tail, "repo=octo/hidden")}",
                $"p/{published}{With(tail, "repo=other/elsewhere")}",
                $"p/{published}{With(tail, "repo=octo/nothing")}",
                $"p/{shrinking.Slug}{With(tail, "repo=octo/untracked")}",
                $"p/{shrinking.Slug}{With(tail, "repo=octo/purged")}",
                $"p/{published}{With(tail, "repo=octo/shown&repo=octo/second")}",
            };
            var answers = new List<string>();
            foreach (var address in addresses)
            {
                using var response = await anonymous.GetAsync(address);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
                answers.Add(await AnswerText.DescribeAsync(response));
            }

            answers.Distinct().ShouldHaveSingleItem($"'{tail}' answered differently: {string.Join(" | ", answers)}");

            // The same missing page as a badge that does not exist: one answer for everything public that is not there.
            using var missingBadge = await anonymous.GetAsync("badges/987654/views.svg");
            answers[0].ShouldBe(await AnswerText.DescribeAsync(missingBadge));
        }

        using var shown = await anonymous.GetAsync($"p/{published}?repo=OCTO/Shown");
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ThePage_SpeaksTheVisitorsLanguage_AndEachLanguageIsCachedAsItsOwnPage()
    {
        await using var world = await DashboardWorld.StartAsync();
        var anonymous = world.App.Anonymous();
        var address = $"p/{world.Dashboard.Slug}";

        using var german = await PageAsync(anonymous, address, "de-DE,de;q=0.9,en;q=0.5");
        german.StatusCode.ShouldBe(HttpStatusCode.OK);
        var germanHtml = WebUtility.HtmlDecode(await german.Content.ReadAsStringAsync());
        germanHtml.ShouldContain("<html lang=\"de\" dir=\"ltr\">");
        germanHtml.ShouldContain("Zum Inhalt springen");
        germanHtml.ShouldContain("Letzte 30 Tage");
        germanHtml.ShouldContain("<title>Octo's public traffic - GhStats</title>", customMessage: "the dashboard's own title is data, never translated");
        var strings = ScriptStrings(germanHtml);
        strings["publicDailyFigures"].ShouldBe("Tageswerte"); // public.js
        strings["coverageNotCollected"].ShouldBe("Nicht erfasst"); // coverage.js, which public.js imports
        strings["loading"].ShouldBe("Wird geladen…"); // ghstats.js
        string.Join(", ", german.Headers.Vary).ShouldBe("Accept-Language, Cookie", "a shared cache keeps one copy per language");
        german.Headers.CacheControl!.Public.ShouldBeTrue();

        using var english = await PageAsync(anonymous, address, null);
        var englishHtml = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        englishHtml.ShouldContain("<html lang=\"en\" dir=\"ltr\">");
        englishHtml.ShouldContain("Skip to content");
        englishHtml.ShouldNotContain("Zum Inhalt springen");
        english.Headers.ETag.ShouldNotBe(german.Headers.ETag, "each language is its own page, with its own tag");

        using var japanese = await PageAsync(anonymous, address, "ja");
        var japaneseHtml = WebUtility.HtmlDecode(await japanese.Content.ReadAsStringAsync());
        japaneseHtml.ShouldContain("<html lang=\"ja\" dir=\"ltr\">");
        japaneseHtml.ShouldContain("過去 90 日間");
        ScriptStrings(japaneseHtml)["publicDailyFigures"].ShouldBe("日ごとの数値");

        // Caching still works per language: the German tag is fresh for a German visitor and stale for an English one.
        using var germanAgain = await PageAsync(anonymous, address, "de", german.Headers.ETag!.Tag);
        germanAgain.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        using var englishWithGermanTag = await PageAsync(anonymous, address, "en", german.Headers.ETag!.Tag);
        englishWithGermanTag.StatusCode.ShouldBe(HttpStatusCode.OK);
        englishWithGermanTag.Headers.ETag.ShouldBe(english.Headers.ETag, "the same language gets the same bytes");

        // The language cookie picks the page's language ahead of Accept-Language, as on GhStats' other pages.
        var chooser = world.App.Anonymous();
        chooser.Cookies.Add(new Cookie("ghstats-language", Uri.EscapeDataString("c=ja|uic=ja"), "/", chooser.Http.BaseAddress!.Host));
        using var chosen = await PageAsync(chooser, address, "de");
        chosen.Headers.ETag.ShouldBe(japanese.Headers.ETag);
        chosen.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> PageAsync(WebCaller caller, string address, string? language, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (etag is not null)
        {
            request.Headers.IfNoneMatch.ParseAdd(etag);
        }

        return await caller.SendAsync(request);
    }

    private static Dictionary<string, string> ScriptStrings(string html)
    {
        const string open = "<script type=\"application/json\" id=\"ghstats-text\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(html[start..end])!;
    }

    [Fact]
    public async Task TheData_HoldsTheChosenRepositoriesOnly_WithTheSummaryNumbers_AndNothingOfTheTenant()
    {
        await using var world = await DashboardWorld.StartAsync();
        var owner = world.App.As(world.Owner);
        var from = Today.AddDays(-29);
        var summary = await owner.GetJsonAsync($"api/v1/traffic/summary?tenant=acme&from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var row = summary.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("repoId").GetInt64() == world.Shown.Id);

        using var response = await world.App.Anonymous().GetAsync($"p/{world.Dashboard.Slug}/data");
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        data.GetProperty("title").GetString().ShouldBe("Octo's public traffic");
        data.GetProperty("from").GetString().ShouldBe($"{from:yyyy-MM-dd}");
        data.GetProperty("to").GetString().ShouldBe($"{Today:yyyy-MM-dd}");
        var repositories = data.GetProperty("repositories").EnumerateArray().ToList();
        repositories.Select(r => r.GetProperty("fullName").GetString()).ShouldBe(["octo/second", "octo/shown"]);
        var shown = repositories[1];
        shown.GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(row.GetProperty("views").GetInt64());
        shown.GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(1500);
        shown.GetProperty("totals").GetProperty("peakDailyUniqueViews").GetInt64().ShouldBe(40);
        shown.GetProperty("stars").GetInt32().ShouldBe(12_345);
        var points = shown.GetProperty("points").EnumerateArray().ToList();
        points.Count.ShouldBe(30);
        points.Single(p => p.GetProperty("date").GetString() == $"{Today.AddDays(-1):yyyy-MM-dd}").GetProperty("views").GetInt64().ShouldBe(1000);

        // Days no collection read stay gaps, never zeros.
        var gap = points.Single(p => p.GetProperty("date").GetString() == $"{Today.AddDays(-20):yyyy-MM-dd}");
        gap.GetProperty("coverage").GetString().ShouldBe("notCollected");
        gap.GetProperty("views").ValueKind.ShouldBe(JsonValueKind.Null);

        // Opted out by default: no rankings, and no tenant internals anywhere.
        shown.GetProperty("referrers").ValueKind.ShouldBe(JsonValueKind.Null);
        shown.GetProperty("popularContent").ValueKind.ShouldBe(JsonValueKind.Null);
        foreach (var secret in new[] { "hidden", "elsewhere", "acme", "owner@acme.example", "github.example", "news.example", "/octo/shown/wiki", world.Shown.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", "repoId", "tenant", "connection" })
        {
            text.ShouldNotContain(secret, Case.Insensitive);
        }

        var one = await world.App.Anonymous().GetJsonAsync($"p/{world.Dashboard.Slug}/data?repo=octo/shown&days=365");
        one.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("fullName").GetString()).ShouldBe(["octo/shown"]);
        one.GetProperty("repositories")[0].GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(2500);
    }

    [Fact]
    public async Task Referrers_AndPopularContent_AreShownOnlyWhenTheOwnerOptsIn()
    {
        await using var world = await DashboardWorld.StartAsync();
        var store = world.App.Get<IPublicDashboardStore>();

        await store.UpdateAsync(world.Acme.Id, world.Dashboard.Id, new PublicDashboardSettings("Referrers", [world.Shown.Id], ShowReferrers: true));
        var referrers = (await world.App.Anonymous().GetJsonAsync($"p/{world.Dashboard.Slug}/data")).GetProperty("repositories")[0];
        await store.UpdateAsync(world.Acme.Id, world.Dashboard.Id, new PublicDashboardSettings("Paths", [world.Shown.Id], ShowPopularContent: true));
        var paths = (await world.App.Anonymous().GetJsonAsync($"p/{world.Dashboard.Slug}/data")).GetProperty("repositories")[0];

        referrers.GetProperty("referrers")[0].GetProperty("referrer").GetString().ShouldBe("news.example");
        referrers.GetProperty("referrers")[0].GetProperty("views").GetInt32().ShouldBe(30);
        referrers.GetProperty("popularContent").ValueKind.ShouldBe(JsonValueKind.Null);
        paths.GetProperty("referrers").ValueKind.ShouldBe(JsonValueKind.Null);
        paths.GetProperty("popularContent")[0].GetProperty("path").GetString().ShouldBe("/octo/shown/wiki");
        paths.GetProperty("popularContent")[0].GetProperty("title").GetString().ShouldBe("Wiki");
    }

    [Fact]
    public async Task ASignedInCookieOrToken_DoesNotChangeTheAnswer()
    {
        await using var world = await DashboardWorld.StartAsync(development: true);
        var cookie = await world.App.SignInAsync("owner@acme.example");
        var token = world.App.As(world.Owner);

        foreach (var path in new[] { $"p/{world.Dashboard.Slug}", $"p/{world.Dashboard.Slug}/data", $"p/{world.Dashboard.Slug}/data?days=365&repo=octo/shown", "p/0123456789abcdef01234567" })
        {
            using var anonymous = await world.App.Anonymous().GetAsync(path);
            using var signedIn = await cookie.GetAsync(path);
            using var withToken = await token.GetAsync(path);

            var expected = await AnswerText.DescribeAsync(anonymous);
            (await AnswerText.DescribeAsync(signedIn)).ShouldBe(expected, path);
            (await AnswerText.DescribeAsync(withToken)).ShouldBe(expected, path);
            signedIn.Headers.Contains("Set-Cookie").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task ThePage_NamesItsData_HasNoTenantInternals_AndCarriesItsHeaders()
    {
        await using var world = await DashboardWorld.StartAsync();

        using var response = await world.App.Anonymous().GetAsync($"p/{world.Dashboard.Slug}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=60");
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("script-src 'self';");
        html.ShouldContain("<title>Octo&#x27;s public traffic - GhStats</title>");
        html.ShouldContain($"data-dashboard=\"/p/{world.Dashboard.Slug}/data\"");
        html.ShouldNotContain("antiforgery", Case.Insensitive);
        html.ShouldNotContain("acme", Case.Insensitive);
        html.ShouldNotContain("<script>");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"p/{world.Dashboard.Slug}");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await world.App.Anonymous().SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var one = await world.App.Anonymous().GetAsync($"p/{world.Dashboard.Slug}?repo=octo/shown");
        (await one.Content.ReadAsStringAsync()).ShouldContain($"data-dashboard=\"/p/{world.Dashboard.Slug}/data?repo=octo%2Fshown\"");
    }

    [Fact]
    public async Task FrameAncestors_ListExactlyTheAllowedOrigins_AndTheOwnerApiRefusesOthers()
    {
        await using var world = await DashboardWorld.StartAsync();
        var owner = world.App.As(world.Owner);

        using var changed = await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}", new
        {
            title = "Framed",
            repositoryIds = new[] { world.Shown.Id },
            frameOrigins = new[] { "https://Docs.Example.com/", "https://blog.example:8443", "http://localhost:5173", "https://docs.example.com" },
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        using var page = await world.App.Anonymous().GetAsync($"p/{world.Dashboard.Slug}");

        page.Headers.GetValues("Content-Security-Policy").Single()
            .ShouldEndWith("frame-ancestors https://docs.example.com https://blog.example:8443 http://localhost:5173");
        page.Headers.Contains("X-Frame-Options").ShouldBeFalse();

        foreach (var refused in new[] { "http://docs.example.com", "https://docs.example.com/embed", "https://*.example.com", "docs.example.com", "https://docs.example.com?x=1", "https://user@docs.example.com", "javascript:alert(1)", "'self'", "https://a.example https://b.example" })
        {
            using var bad = await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}", new { title = "Framed", repositoryIds = new[] { world.Shown.Id }, frameOrigins = new[] { refused } });
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, refused);
        }

        (await world.App.Anonymous().GetAsync($"p/{world.Dashboard.Slug}")).Headers.GetValues("Content-Security-Policy").Single()
            .ShouldEndWith("frame-ancestors https://docs.example.com https://blog.example:8443 http://localhost:5173");
    }

    [Fact]
    public async Task UnpublishingAndChanges_ShowAtOnce_ThoughTheDataIsCached()
    {
        await using var world = await DashboardWorld.StartAsync();
        var owner = world.App.As(world.Owner);
        var anonymous = world.App.Anonymous();
        (await anonymous.GetJsonAsync($"p/{world.Dashboard.Slug}/data")).GetProperty("repositories").GetArrayLength().ShouldBe(2);

        // Written behind the cache's back: the cached answer stays until something the key carries moves.
        await world.App.Get<ITrafficStore>().MergeTrafficDaysAsync([new TrafficDay(world.Shown.Id, Today.AddDays(-5), 99, 9, 0, 0)]);
        (await anonymous.GetJsonAsync($"p/{world.Dashboard.Slug}/data")).GetProperty("repositories")[1].GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(1500);

        using var changed = await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}", new { title = "Only one", repositoryIds = new[] { world.Shown.Id } });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await anonymous.GetJsonAsync($"p/{world.Dashboard.Slug}/data");
        after.GetProperty("title").GetString().ShouldBe("Only one");
        after.GetProperty("repositories").GetArrayLength().ShouldBe(1);
        after.GetProperty("repositories")[0].GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(1599);

        using var unpublished = await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}/published", new { published = false });
        unpublished.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"p/{world.Dashboard.Slug}/data")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"p/{world.Dashboard.Slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Untracking a repository takes it off at once, too.
        using var republished = await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}/published", new { published = true });
        using var untracked = await owner.DeleteAsync($"api/v1/repos/{world.Shown.Id}");
        untracked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetJsonAsync($"p/{world.Dashboard.Slug}/data")).GetProperty("repositories").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PublicPages_OverTheirLimitPerAddress_Get429WithRetryAfter()
    {
        await using var world = await DashboardWorld.StartAsync(settings: new Dictionary<string, string?> { ["GhStats:RateLimits:Public:PermitLimit"] = "3" });
        var anonymous = world.App.Anonymous();
        (await anonymous.GetAsync($"p/{world.Dashboard.Slug}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"p/{world.Dashboard.Slug}/data")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("p/0123456789abcdef01234567")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var limited = await anonymous.GetAsync($"p/{world.Dashboard.Slug}/data");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        (await anonymous.GetAsync($"badges/{world.Shown.Id}/views.svg")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ABadDaysValue_Is400_ForEveryDashboardAlike()
    {
        await using var world = await DashboardWorld.StartAsync();

        using var shown = await world.App.Anonymous().GetAsync($"p/{world.Dashboard.Slug}/data?days=7");
        using var missing = await world.App.Anonymous().GetAsync("p/0123456789abcdef01234567/data?days=7");

        shown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AnswerText.DescribeAsync(shown)).ShouldBe(await AnswerText.DescribeAsync(missing));
    }

    [Fact]
    public async Task TheOwnerApi_CreatesListsPublishesAndDeletes_AndAuditsEachChange()
    {
        await using var world = await DashboardWorld.StartAsync();
        var owner = world.App.As(world.Owner);

        var created = await owner.PostJsonExpectingAsync("api/v1/tenants/acme/dashboards",
            new { title = "Fresh", repositoryIds = new[] { world.Second.Id }, showReferrers = true, frameOrigins = new[] { "https://docs.example.com" } }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var slug = created.GetProperty("slug").GetString()!;
        slug.ShouldMatch("^[0-9a-f]{24}$");
        created.GetProperty("path").GetString().ShouldBe($"/p/{slug}");
        created.GetProperty("published").GetBoolean().ShouldBeTrue();
        created.GetProperty("showReferrers").GetBoolean().ShouldBeTrue();
        created.GetProperty("showPopularContent").GetBoolean().ShouldBeFalse();
        (await owner.GetJsonAsync("api/v1/tenants/acme/dashboards")).EnumerateArray().Select(d => d.GetProperty("title").GetString()).ShouldBe(["Fresh", "Octo's public traffic"]);
        (await owner.GetJsonAsync($"api/v1/tenants/acme/dashboards/{id}")).GetProperty("slug").GetString().ShouldBe(slug);
        (await world.App.Anonymous().GetAsync($"p/{slug}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{id}", new { title = "Renamed", repositoryIds = new[] { world.Second.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{id}/published", new { published = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.PutJsonAsync($"api/v1/tenants/acme/dashboards/{id}/published", new { published = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.DeleteAsync($"api/v1/tenants/acme/dashboards/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await world.App.Anonymous().GetAsync($"p/{slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await owner.GetJsonAsync("api/v1/tenants/acme/audit");
        var actions = audit.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("targetKind").GetString() == "dashboard").Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe([AuditActions.DashboardDeleted, AuditActions.DashboardPublished, AuditActions.DashboardUnpublished, AuditActions.DashboardChanged, AuditActions.DashboardCreated]);
    }

    [Theory]
    [InlineData("{\"repositoryIds\":[1]}", "title is required")]
    [InlineData("{\"title\":\"No repositories\",\"repositoryIds\":[]}", "repositoryIds must name 1 to 20")]
    [InlineData("{\"title\":\"Bad origin\",\"repositoryIds\":[SHOWN],\"frameOrigins\":[\"ftp://x.example\"]}", "frameOrigins")]
    [InlineData("{\"title\":\"Another's\",\"repositoryIds\":[ELSEWHERE]}", "every repository must be tracked in this tenant")]
    [InlineData("{\"title\":\"Off the set\",\"repositoryIds\":[987654]}", "every repository must be tracked in this tenant")]
    public async Task TheOwnerApi_RefusesBadDashboards_With400(string body, string message)
    {
        await using var world = await DashboardWorld.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tenants/acme/dashboards")
        {
            Content = new StringContent(body.Replace("SHOWN", world.Shown.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("ELSEWHERE", world.Elsewhere.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await world.App.As(world.Owner).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await world.App.Get<IPublicDashboardStore>().ListAsync(world.Acme.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AViewerOrAnotherTenantsOwner_MayNotManageDashboards_AndACookieCallerNeedsTheAntiforgeryToken()
    {
        await using var world = await DashboardWorld.StartAsync(development: true);
        var viewer = await world.App.CreateUserAsync("viewer@acme.example");
        await world.App.AddMemberAsync(world.Acme, viewer, TenantRole.Viewer);
        var stranger = await world.App.CreateUserAsync("owner@other.example");
        await world.App.AddMemberAsync(world.Other, stranger, TenantRole.Owner);
        var body = new { title = "Sneaky", repositoryIds = new[] { world.Shown.Id } };

        (await world.App.As(viewer).GetAsync("api/v1/tenants/acme/dashboards")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await world.App.As(viewer).PostJsonAsync("api/v1/tenants/acme/dashboards", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await world.App.As(stranger).GetAsync("api/v1/tenants/acme/dashboards")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.App.As(stranger).PutJsonAsync($"api/v1/tenants/other/dashboards/{world.Dashboard.Id}/published", new { published = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.App.As(stranger).DeleteAsync($"api/v1/tenants/other/dashboards/{world.Dashboard.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var cookie = await world.App.SignInAsync("owner@acme.example");
        var token = cookie.AntiforgeryToken;
        cookie.AntiforgeryToken = null;
        using var withoutToken = await cookie.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}/published", new { published = false });
        cookie.AntiforgeryToken = token;
        using var withToken = await cookie.PutJsonAsync($"api/v1/tenants/acme/dashboards/{world.Dashboard.Id}/published", new { published = false });

        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withToken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.App.Get<IPublicDashboardStore>().ListAsync(world.Acme.Id)).ShouldHaveSingleItem().Published.ShouldBeFalse();
    }

    private static string With(string tail, string query) => tail.Contains('?', StringComparison.Ordinal) ? $"{tail}&{query}" : $"{tail}?{query}";

    /// <summary>acme with an Owner, two repositories on one published dashboard, one left off it, and another tenant's repository.</summary>
    private sealed class DashboardWorld : IAsyncDisposable
    {
        private DashboardWorld(WebApp app, Tenant acme, Tenant other, SeededUser owner, TrackedRepository shown, TrackedRepository second, TrackedRepository elsewhere, PublicDashboard dashboard)
        {
            App = app;
            Acme = acme;
            Other = other;
            Owner = owner;
            Shown = shown;
            Second = second;
            Elsewhere = elsewhere;
            Dashboard = dashboard;
        }

        public WebApp App { get; }

        public Tenant Acme { get; }

        public Tenant Other { get; }

        public SeededUser Owner { get; }

        public TrackedRepository Shown { get; }

        public TrackedRepository Second { get; }

        public TrackedRepository Elsewhere { get; }

        public PublicDashboard Dashboard { get; }

        public static async Task<DashboardWorld> StartAsync(bool development = false, Dictionary<string, string?>? settings = null)
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
            await app.AddConnectionAsync(acme, "acme-pat", "https://github.example/api/v3", "ghp_secret");
            var shown = await app.TrackAsync(acme, "octo", "shown");
            var second = await app.TrackAsync(acme, "octo", "second");
            var hidden = await app.TrackAsync(acme, "octo", "hidden");
            var elsewhere = await app.TrackAsync(other, "other", "elsewhere");
            var traffic = app.Get<ITrafficStore>();
            await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(shown.Id, Today,
            [
                new TrafficDay(shown.Id, Today.AddDays(-1), 1000, 40, 4, 2),
                new TrafficDay(shown.Id, Today.AddDays(-3), 500, 25, 3, 3),
            ]));
            await traffic.MergeTrafficDaysAsync([new TrafficDay(shown.Id, Today.AddDays(-40), 1000, 90, 0, 0), new TrafficDay(hidden.Id, Today.AddDays(-2), 77, 7, 0, 0)]);
            await traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(shown.Id, Today, 12_345, 11, 5, 1, 100)]);
            await traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(shown.Id, Today.AddDays(-1), "news.example", 30, 12), new ReferrerSnapshot(shown.Id, Today, "news.example", 25, 10)]);
            await traffic.MergePathSnapshotsAsync([new PathSnapshot(shown.Id, Today, "/octo/shown/wiki", "Wiki", 20, 5)]);
            var dashboard = await app.Get<IPublicDashboardStore>().CreateAsync(acme.Id, "0a1b2c3d4e5f60718293a4b5", new PublicDashboardSettings("Octo's public traffic", [shown.Id, second.Id]));
            return new DashboardWorld(app, acme, other, owner, shown, second, elsewhere, dashboard);
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
