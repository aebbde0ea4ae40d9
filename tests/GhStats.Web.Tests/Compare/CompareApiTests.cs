using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;
using static GhStats.Web.Tests.Compare.CompareWorld;

namespace GhStats.Web.Tests.Compare;

/// <summary>
/// GET /traffic/compare: one to 10 repositories the caller may read in one tenant, anything else as missing; values
/// with coverage (not collected is null, never zero); normalised to each repository's first known week, with a zero or
/// unknown first week said rather than divided by.
/// </summary>
public sealed class CompareApiTests
{
    private const string Range = "from=2025-06-01&to=2025-06-15";

    [Fact]
    public async Task Views_PerDay_AreNormalisedToTheFirstCompleteWeek_NotCollectedStaysNull_AndZeroOrUnknownBaselinesGiveNoRatios()
    {
        await using var world = await StartAsync();
        var owner = world.App.As(world.Owner);

        var compare = await owner.GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id},{world.Beta.Id},{world.Delta.Id}&metric=views&{Range}");

        compare.GetProperty("metric").GetString().ShouldBe("views");
        compare.GetProperty("per").GetString().ShouldBe("day");
        var series = compare.GetProperty("repositories").EnumerateArray().ToList();
        series.Select(s => s.GetProperty("fullName").GetString()).ShouldBe(["acme/alpha", "acme/beta", "acme/delta"]);

        // alpha: the partial first day is left out; the week 06-02..06-08 has 10 a day.
        var alpha = series[0];
        var baseline = alpha.GetProperty("baseline");
        baseline.GetProperty("state").GetString().ShouldBe("known");
        baseline.GetProperty("from").GetString().ShouldBe("2025-06-02");
        baseline.GetProperty("to").GetString().ShouldBe("2025-06-08");
        baseline.GetProperty("mean").GetDouble().ShouldBe(10);
        var first = Point(alpha, "2025-06-01");
        first.GetProperty("coverage").GetString().ShouldBe("partial");
        first.GetProperty("value").GetInt64().ShouldBe(3);
        first.GetProperty("normalised").GetDouble().ShouldBe(0.3);
        Point(alpha, "2025-06-09").GetProperty("normalised").GetDouble().ShouldBe(2);

        // beta: days before its window are not collected (null, not 0); its first week had no views, so no ratios.
        var beta = series[1];
        Point(beta, "2025-06-02").GetProperty("coverage").GetString().ShouldBe("notCollected");
        Point(beta, "2025-06-02").GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        Point(beta, "2025-06-07").GetProperty("value").GetInt64().ShouldBe(0);
        Point(beta, "2025-06-13").GetProperty("value").GetInt64().ShouldBe(5);
        beta.GetProperty("baseline").GetProperty("state").GetString().ShouldBe("zero");
        beta.GetProperty("baseline").GetProperty("mean").GetDouble().ShouldBe(0);
        beta.GetProperty("points").EnumerateArray().ShouldAllBe(p => p.GetProperty("normalised").ValueKind == JsonValueKind.Null);

        // delta: nothing known at all.
        var delta = series[2];
        delta.GetProperty("baseline").GetProperty("state").GetString().ShouldBe("unknown");
        delta.GetProperty("baseline").GetProperty("mean").ValueKind.ShouldBe(JsonValueKind.Null);
        delta.GetProperty("points").GetArrayLength().ShouldBe(15);
        delta.GetProperty("points").EnumerateArray().ShouldAllBe(p =>
            p.GetProperty("value").ValueKind == JsonValueKind.Null && p.GetProperty("coverage").GetString() == "notCollected");
    }

    [Fact]
    public async Task Stars_AreTheLastReadingOfEachPeriod_FromTheDailyCounters()
    {
        await using var world = await StartAsync();
        var owner = world.App.As(world.Owner);

        var weekly = await owner.GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&metric=stars&per=week&{Range}");
        var alpha = weekly.GetProperty("repositories")[0];
        weekly.GetProperty("from").GetString().ShouldBe("2025-05-26");
        Point(alpha, "2025-05-26").GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        Point(alpha, "2025-06-02").GetProperty("value").GetInt64().ShouldBe(100);
        Point(alpha, "2025-06-09").GetProperty("value").GetInt64().ShouldBe(112);
        Point(alpha, "2025-06-09").GetProperty("knownDays").GetInt32().ShouldBe(2);
        Point(alpha, "2025-06-09").GetProperty("normalised").GetDouble().ShouldBe(1.12);

        var daily = await owner.GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&metric=stars&{Range}");
        var days = daily.GetProperty("repositories")[0];
        Point(days, "2025-06-04").GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null, "a day without a reading is unknown, not 0");
        Point(days, "2025-06-11").GetProperty("normalised").GetDouble().ShouldBe(1.12);
    }

    [Fact]
    public async Task Downloads_AreSummedOverEachPeriodsReadDays_AndAPeriodWithoutAReadHasNoValue()
    {
        await using var world = await StartAsync();
        var published = Day(1);
        GhStats.Domain.ReleaseRead Read(int day, long count) => new(world.Alpha.Id, Day(day),
            [new GhStats.Domain.ReleaseReading(1, "v1", "One", published, false, [new GhStats.Domain.AssetReading(10, "a.zip", published, count)])]);
        var releases = world.App.Get<GhStats.Stores.IReleaseStore>();
        foreach (var (day, count) in new[] { (3, 50L), (4, 60L), (5, 75L), (10, 100L), (11, 104L) })
        {
            await releases.MergeReleaseReadAsync(Read(day, count));
        }

        var owner = world.App.As(world.Owner);
        var weekly = await owner.GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id},{world.Beta.Id}&metric=downloads&per=week&{Range}");
        var alpha = weekly.GetProperty("repositories")[0];
        // Week of 2 June: reads on the 3rd (the first: its count is the baseline, counted on no day), 4th (+10) and 5th (+15).
        Point(alpha, "2025-06-02").GetProperty("value").GetInt64().ShouldBe(25);
        Point(alpha, "2025-06-02").GetProperty("knownDays").GetInt32().ShouldBe(3);
        // Week of 9 June: the 10th counts the 25 since the 5th (it spans the 6th to the 10th, of which the 9th and 10th are this week's), the 11th 4 more.
        Point(alpha, "2025-06-09").GetProperty("value").GetInt64().ShouldBe(29);
        Point(alpha, "2025-06-09").GetProperty("knownDays").GetInt32().ShouldBe(3);
        Point(alpha, "2025-05-26").GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        Point(alpha, "2025-06-09").GetProperty("normalised").GetDouble().ShouldBe(29 / 25.0, 1e-9);
        weekly.GetProperty("repositories")[1].GetProperty("points").EnumerateArray()
            .ShouldAllBe(p => p.GetProperty("value").ValueKind == JsonValueKind.Null, "a repository whose releases were never read has no downloads, not zero");
        weekly.GetProperty("note").GetString()!.ShouldContain("counted on the day the releases were read");

        var daily = await owner.GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&metric=downloads&{Range}");
        var days = daily.GetProperty("repositories")[0];
        Point(days, "2025-06-07").GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null, "a day without a read is unknown, not 0");
        Point(days, "2025-06-10").GetProperty("value").GetInt64().ShouldBe(25);
    }

    [Fact]
    public async Task UniqueVisitors_PerMonth_HaveNoValue_SinceGitHubGivesNone()
    {
        await using var world = await StartAsync();

        var monthly = await world.App.As(world.Owner).GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&metric=uniqueViews&per=month&{Range}");

        var june = Point(monthly.GetProperty("repositories")[0], "2025-06-01");
        june.GetProperty("knownDays").GetInt32().ShouldBe(15);
        june.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        monthly.GetProperty("note").GetString()!.ShouldContain("never summed");
    }

    [Theory]
    [InlineData("repos=", "repos names no repository")]
    [InlineData("repos=1,2,3,4,5,6,7,8,9,10,11", "at most 10")]
    [InlineData("repos=1,x", "not 'x'")]
    [InlineData("repos=1&metric=forks", "metric must be one of views, uniqueViews, clones, stars, downloads")]
    [InlineData("repos=1&per=year", "per must be day, week or month")]
    public async Task BadSelections_Answer400ProblemDetails(string query, string detail)
    {
        await using var world = await StartAsync();

        using var response = await world.App.As(world.Owner).GetAsync($"api/v1/traffic/compare?tenant=acme&{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(detail);
    }

    [Fact]
    public async Task TenRepositories_AreAllowed_AndRepeatsCountOnce()
    {
        await using var world = await StartAsync();
        var ten = string.Join(',', Enumerable.Repeat(world.Alpha.Id, 10).Append(world.Beta.Id));

        var compare = await world.App.As(world.Owner).GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={ten}&{Range}");

        compare.GetProperty("repositories").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task ARepositoryTheCallerMayNotRead_AnswersExactlyAsAMissingOne()
    {
        await using var world = await StartAsync();
        var owner = world.App.As(world.Owner);
        var granted = world.App.As(world.Granted);
        var outsider = world.App.As(world.Outsider);
        const long missing = 987654;

        // Another tenant's repository, a repository outside one's grant, a missing one: the same 404 but for the id asked.
        var answers = new List<string>
        {
            await NotFoundAsync(owner, $"tenant=acme&repos={world.Alpha.Id},{world.Hidden.Id}", world.Hidden.Id, missing),
            await NotFoundAsync(granted, $"tenant=acme&repos={world.Alpha.Id},{world.Beta.Id}", world.Beta.Id, missing),
            await NotFoundAsync(outsider, $"tenant=other&repos={world.Hidden.Id},{world.Alpha.Id}", world.Alpha.Id, missing),
            await NotFoundAsync(owner, $"tenant=acme&repos={missing}", missing, missing),
        };
        answers.Distinct().ShouldHaveSingleItem();

        // A tenant the caller cannot see answers as a missing tenant.
        using var foreign = await outsider.GetAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&{Range}");
        using var absent = await outsider.GetAsync($"api/v1/traffic/compare?tenant=nope&repos={world.Alpha.Id}&{Range}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var foreignDetail = JsonDocument.Parse(await foreign.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        var absentDetail = JsonDocument.Parse(await absent.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        foreignDetail!.Replace("acme", "nope", StringComparison.Ordinal).ShouldBe(absentDetail);
    }

    [Fact]
    public async Task Viewers_AndGrantedUsers_CompareWhatTheyMayRead()
    {
        await using var world = await StartAsync();

        var viewer = await world.App.As(world.Viewer).GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id},{world.Beta.Id}&{Range}");
        var granted = await world.App.As(world.Granted).GetJsonAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&{Range}");
        using var anonymous = await world.App.Anonymous().GetAsync($"api/v1/traffic/compare?tenant=acme&repos={world.Alpha.Id}&{Range}");

        viewer.GetProperty("repositories").GetArrayLength().ShouldBe(2);
        granted.GetProperty("repositories").GetArrayLength().ShouldBe(1);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    internal static JsonElement Point(JsonElement series, string date) =>
        series.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("date").GetString() == date);

    private static async Task<string> NotFoundAsync(WebCaller caller, string query, long asked, long missing)
    {
        using var response = await caller.GetAsync($"api/v1/traffic/compare?{query}&{Range}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, text);
        // The trace id differs per request; everything the caller can read must not.
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Not found");
        var detail = problem.GetProperty("detail").GetString()!.Replace(
            asked.ToString(System.Globalization.CultureInfo.InvariantCulture), missing.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return $"{response.Content.Headers.ContentType} {problem.GetProperty("status")} {problem.GetProperty("title")} {detail}";
    }
}
