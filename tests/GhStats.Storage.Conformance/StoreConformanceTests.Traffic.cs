using GhStats.Domain;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task MergeDays_KeepsTheLargerValueOfEachField_WhenWindowsOverlap()
    {
        var repo = await NewRepositoryAsync();
        var day = new DateOnly(2024, 3, 1);

        // The first window saw the day cut short; the second saw it whole; the third was taken when GitHub's figures for it had shrunk.
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, day, 10, 3, 2, 1), new TrafficDay(repo.Id, day.AddDays(1), 5, 5, 0, 0)]);
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, day, 25, 4, 1, 1)]);
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, day, 20, 9, 7, 0)]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(day, day.AddDays(1)), TrafficPeriod.Day);

        series.Points.ShouldBe(
        [
            PartialDay(day, 25, 9, 7, 1),
            PartialDay(day.AddDays(1), 5, 5, 0, 0),
        ]);
    }

    [StoreFact]
    public async Task MergeDays_ChangesNothing_WhenTheSameWindowIsMergedAgain()
    {
        var repo = await NewRepositoryAsync();
        var window = FourteenDays(repo.Id, Today.AddDays(-13), seed: 3);
        await Traffic.MergeTrafficDaysAsync(window);
        var range = new DateRange(Today.AddDays(-13), Today);
        var first = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, range, TrafficPeriod.Day);

        await Traffic.MergeTrafficDaysAsync(window);
        var second = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, range, TrafficPeriod.Day);

        first.Points.Count.ShouldBe(14);
        second.Points.ShouldBe(first.Points);
        second.Totals.ShouldBe(first.Totals);
    }

    [StoreFact]
    public async Task MergeDays_HealsAGapShorterThanAWindow_WithOverlappingWindows()
    {
        var repo = await NewRepositoryAsync();
        var truth = Enumerable.Range(0, 30).Select(i => new TrafficDay(repo.Id, Today.AddDays(-29 + i), 10 + i, 1 + (i % 7), i % 5, (i % 5) / 2)).ToList();

        // Collected on day 13, then not again until day 29: the second 14-day window covers days 16..29, the first 0..13.
        await Traffic.MergeTrafficDaysAsync(truth.Take(14).ToList());
        await Traffic.MergeTrafficDaysAsync(truth.Skip(16).ToList());
        await Traffic.MergeTrafficDaysAsync(truth.Skip(10).Take(14).ToList());

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-29), Today), TrafficPeriod.Day);

        series.Points.Select(p => p.Date).ShouldBe(truth.Select(t => t.Day));
        series.Points.Select(p => p.Views).ShouldBe(truth.Select(t => (long)t.Views));
        series.Totals.Views.ShouldBe(truth.Sum(t => (long)t.Views));
        series.Totals.DaysWithData.ShouldBe(30);
    }

    [StoreFact]
    public async Task MergeDays_FoldsRepeatedDaysInOneBatch_ByTheSameMaximumRule()
    {
        var repo = await NewRepositoryAsync();
        var day = Today.AddDays(-2);

        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, day, 4, 4, 9, 1), new TrafficDay(repo.Id, day, 8, 2, 3, 3)]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(day, day), TrafficPeriod.Day);
        series.Points.ShouldHaveSingleItem().ShouldBe(PartialDay(day, 8, 4, 9, 3));
    }

    [StoreFact]
    public async Task MergeDays_StoresEveryRow_WhenABatchIsLargerThanOneStatement()
    {
        var tenant = await NewTenantAsync();
        var first = await NewRepositoryAsync(tenant);
        var second = await NewRepositoryAsync(tenant);
        var from = new DateOnly(2021, 1, 1);
        var days = Enumerable.Range(0, 1100)
            .SelectMany(i => new[] { new TrafficDay(first.Id, from.AddDays(i), i, i / 2, 1, 1), new TrafficDay(second.Id, from.AddDays(i), 2, 1, 0, 0) })
            .ToList();

        await Traffic.MergeTrafficDaysAsync(days);

        var range = new DateRange(from, from.AddDays(1099));
        var firstSeries = await Traffic.GetTrafficSeriesAsync(tenant.Id, first.Id, range, TrafficPeriod.Day);
        var secondSeries = await Traffic.GetTrafficSeriesAsync(tenant.Id, second.Id, range, TrafficPeriod.Day);
        firstSeries.Points.Count.ShouldBe(1100);
        firstSeries.Totals.Views.ShouldBe(Enumerable.Range(0, 1100).Sum(i => (long)i));
        secondSeries.Totals.Views.ShouldBe(2200);
    }

    [StoreFact]
    public async Task Series_IsEmpty_ForARangeWithoutData()
    {
        var repo = await NewRepositoryAsync();
        await Traffic.MergeTrafficDaysAsync([]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-30), Today), TrafficPeriod.Week);

        // Every week is there, none of it known.
        series.Points.Count.ShouldBe((series.To.DayNumber - series.From.DayNumber + 1) / 7);
        Known(series.Points).ShouldBeEmpty();
        series.Totals.ShouldBe(TrafficTotals.Empty with { Days = series.To.DayNumber - series.From.DayNumber + 1 });
    }

    [StoreFact]
    public async Task Series_IncludesBothEndsOfTheRange_AsUtcDays()
    {
        var repo = await NewRepositoryAsync();
        var from = new DateOnly(2024, 1, 10);
        await Traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(repo.Id, from.AddDays(-1), 100, 1, 0, 0),
            new TrafficDay(repo.Id, from, 1, 1, 0, 0),
            new TrafficDay(repo.Id, from.AddDays(2), 2, 1, 0, 0),
            new TrafficDay(repo.Id, from.AddDays(3), 200, 1, 0, 0),
        ]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(from, from.AddDays(2)), TrafficPeriod.Day);

        series.Points.Select(p => p.Date).ShouldBe([from, from.AddDays(1), from.AddDays(2)]);
        Known(series.Points).Select(p => p.Date).ShouldBe([from, from.AddDays(2)]);
        series.Totals.Views.ShouldBe(3);
    }

    [StoreFact]
    public async Task SeriesPerWeek_BucketsByMonday_AndTakesUniquesFromGitHubsWeeklyFigures()
    {
        var repo = await NewRepositoryAsync();

        // Sunday 2024-02-25 ends one week; Monday 2024-02-26 starts the next, which holds the leap day.
        await Traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(repo.Id, new DateOnly(2024, 2, 25), 7, 5, 1, 1),
            new TrafficDay(repo.Id, new DateOnly(2024, 2, 26), 10, 6, 2, 2),
            new TrafficDay(repo.Id, new DateOnly(2024, 2, 29), 20, 8, 3, 1),
            new TrafficDay(repo.Id, new DateOnly(2024, 3, 3), 30, 9, 0, 0),
        ]);
        await Traffic.MergeTrafficWeeksAsync([new TrafficWeek(repo.Id, new DateOnly(2024, 2, 26), 60, 12, 5, 3)]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(new DateOnly(2024, 2, 25), new DateOnly(2024, 3, 3)), TrafficPeriod.Week);

        series.From.ShouldBe(new DateOnly(2024, 2, 19));
        series.To.ShouldBe(new DateOnly(2024, 3, 3));
        series.Points.ShouldBe(
        [
            new TrafficPoint(new DateOnly(2024, 2, 19), 7, null, 1, null, Days: 7, KnownDays: 1, PartialDays: 1),
            new TrafficPoint(new DateOnly(2024, 2, 26), 60, 12, 5, 3, Days: 7, KnownDays: 3, PartialDays: 3),
        ]);
        series.Totals.ShouldBe(new TrafficTotals(67, 6, 9, 2, 4, Days: 14, KnownDays: 4, PartialDays: 4));
    }

    [StoreFact]
    public async Task SeriesPerWeek_NeverSumsDailyUniques_WhenGitHubGaveNoWeeklyFigure()
    {
        var repo = await NewRepositoryAsync();
        var monday = new DateOnly(2024, 3, 4);
        await Traffic.MergeTrafficDaysAsync(Enumerable.Range(0, 7).Select(i => new TrafficDay(repo.Id, monday.AddDays(i), 10, 5, 2, 1)).ToList());

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(monday, monday.AddDays(6)), TrafficPeriod.Week);

        var point = series.Points.ShouldHaveSingleItem();
        point.Views.ShouldBe(70);
        point.UniqueViews.ShouldBeNull();
        point.UniqueClones.ShouldBeNull();
        series.Totals.PeakDailyUniqueViews.ShouldBe(5);
    }

    [StoreFact]
    public async Task SeriesPerMonth_SumsCountsPerCalendarMonth_IncludingTheLeapDay()
    {
        var repo = await NewRepositoryAsync();
        await Traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(repo.Id, new DateOnly(2024, 1, 31), 1, 1, 1, 1),
            new TrafficDay(repo.Id, new DateOnly(2024, 2, 1), 2, 1, 0, 0),
            new TrafficDay(repo.Id, new DateOnly(2024, 2, 29), 3, 2, 4, 2),
            new TrafficDay(repo.Id, new DateOnly(2024, 3, 1), 4, 1, 0, 0),
        ]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(new DateOnly(2024, 2, 10), new DateOnly(2024, 2, 29)), TrafficPeriod.Month);

        series.From.ShouldBe(new DateOnly(2024, 2, 1));
        series.To.ShouldBe(new DateOnly(2024, 2, 29));
        series.Points.ShouldBe([new TrafficPoint(new DateOnly(2024, 2, 1), 5, null, 4, null, Days: 29, KnownDays: 2, PartialDays: 2)]);
    }

    [StoreFact]
    public async Task MergeDays_RefusesNegativeCounts_AndWritesNothingOfTheBatch()
    {
        var repo = await NewRepositoryAsync();
        var day = Today.AddDays(-1);

        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(repo.Id, day.AddDays(-1), 5, 1, 0, 0),
            new TrafficDay(repo.Id, day, -1, 0, 0, 0),
        ]));

        error.Message.ShouldContain("Views");
        error.Message.ShouldContain(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Known((await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(day.AddDays(-1), day), TrafficPeriod.Day)).Points).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task MergeDays_RefusesUniquesAboveTheTotal()
    {
        var repo = await NewRepositoryAsync();

        await Should.ThrowAsync<ArgumentException>(() => Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, Today, 2, 3, 0, 0)]));
    }

    [StoreFact]
    public async Task MergeDays_RefusesAnUnknownRepository_AndWritesNothingOfTheBatch()
    {
        var repo = await NewRepositoryAsync();

        var error = await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(repo.Id, Today, 5, 1, 0, 0),
            new TrafficDay(long.MaxValue, Today, 5, 1, 0, 0),
        ]));

        error.Message.ShouldContain(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Known((await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today, Today), TrafficPeriod.Day)).Points).ShouldBeEmpty();
    }

    [StoreTheory]
    [InlineData(2)]
    [InlineData(-6000)]
    public async Task MergeDays_RefusesDaysOutsideGitHubsLifetime(int daysFromToday)
    {
        var repo = await NewRepositoryAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, Today.AddDays(daysFromToday), 1, 1, 0, 0)]));
    }

    [StoreFact]
    public async Task MergeDays_AcceptsTomorrow_ForCollectorsAheadOfUtc()
    {
        var repo = await NewRepositoryAsync();

        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, Today.AddDays(1), 1, 1, 0, 0)]);

        Known((await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today, Today.AddDays(1)), TrafficPeriod.Day)).Points).Count().ShouldBe(1);
    }

    [StoreFact]
    public async Task MergeDays_FollowsTheUtcDayOfTheStoresClock()
    {
        var repo = await NewRepositoryAsync();
        Clock.SetUtcNow(new DateTimeOffset(2024, 3, 15, 23, 59, 59, TimeSpan.Zero));

        // At 23:59:59 UTC tomorrow is March 16; in UTC+2 it is already March 16 and "tomorrow" there would be the 17th.
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, new DateOnly(2024, 3, 16), 1, 1, 0, 0)]);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, new DateOnly(2024, 3, 17), 1, 1, 0, 0)]));

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, new DateOnly(2024, 3, 17), 2, 1, 0, 0)]);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(new DateOnly(2024, 3, 16), new DateOnly(2024, 3, 17)), TrafficPeriod.Day);
        series.Points.Select(p => p.Views).ShouldBe([1L, 2L]);
    }

    [StoreFact]
    public async Task MergeWeeks_RefusesAWeekThatDoesNotStartOnMonday()
    {
        var repo = await NewRepositoryAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => Traffic.MergeTrafficWeeksAsync([new TrafficWeek(repo.Id, new DateOnly(2024, 3, 5), 1, 1, 1, 1)]));

        error.Message.ShouldContain("Monday");
    }

    [StoreFact]
    public async Task MergeWeeks_KeepsTheLargerValueOfEachField()
    {
        var repo = await NewRepositoryAsync();
        var monday = new DateOnly(2024, 3, 4);
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, monday, 1, 1, 1, 1)]);

        await Traffic.MergeTrafficWeeksAsync([new TrafficWeek(repo.Id, monday, 50, 20, 5, 2)]);
        await Traffic.MergeTrafficWeeksAsync([new TrafficWeek(repo.Id, monday, 40, 25, 6, 1)]);

        var point = (await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(monday, monday), TrafficPeriod.Week)).Points.ShouldHaveSingleItem();
        point.UniqueViews.ShouldBe(25);
        point.UniqueClones.ShouldBe(2);
    }

    [StoreFact]
    public async Task ConcurrentMerges_OfTheSameDays_KeepTheMaximum_WithoutErrors()
    {
        var repo = await NewRepositoryAsync();
        var from = Today.AddDays(-13);
        var windows = Enumerable.Range(0, 12)
            .Select(w => Enumerable.Range(0, 14).Select(i => new TrafficDay(repo.Id, from.AddDays(i), (w * 7 + i * 3) % 50 + 10, (w + i) % 10, (w * i) % 9 + 1, w % 2)).ToList())
            .ToList();

        await Task.WhenAll(windows.Select(w => Task.Run(() => Traffic.MergeTrafficDaysAsync(w))));

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(from, Today), TrafficPeriod.Day);
        var expected = Enumerable.Range(0, 14).Select(i => PartialDay(
            from.AddDays(i),
            windows.Max(w => w[i].Views),
            windows.Max(w => w[i].UniqueViews),
            windows.Max(w => w[i].Clones),
            windows.Max(w => w[i].UniqueClones)));
        series.Points.ShouldBe(expected);
    }

    [StoreFact]
    public async Task Snapshots_AreDated_AndASecondCaptureOnTheSameDayReplacesThatDay()
    {
        var repo = await NewRepositoryAsync();
        var yesterday = Today.AddDays(-1);
        await Traffic.MergeReferrerSnapshotsAsync(
        [
            new ReferrerSnapshot(repo.Id, yesterday, "google.com", 10, 4),
            new ReferrerSnapshot(repo.Id, yesterday, "github.com", 30, 9),
            new ReferrerSnapshot(repo.Id, Today, "google.com", 12, 5),
        ]);
        await Traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repo.Id, Today, "google.com", 11, 6)]);
        await Traffic.MergePathSnapshotsAsync(
        [
            new PathSnapshot(repo.Id, Today, "/o/r", "o/r: a repository", 40, 20),
            new PathSnapshot(repo.Id, Today, "/o/r/blob/main/README.md", "README.md at main · o/r", 15, 7),
        ]);
        await Traffic.MergePathSnapshotsAsync([new PathSnapshot(repo.Id, Today, "/o/r", "o/r: renamed", 41, 21)]);

        var referrers = await Traffic.GetReferrerHistoryAsync(repo.TenantId, repo.Id, new DateRange(yesterday, Today));
        var paths = await Traffic.GetPathHistoryAsync(repo.TenantId, repo.Id, new DateRange(Today, Today));

        referrers.ShouldBe(
        [
            new ReferrerSnapshot(repo.Id, yesterday, "github.com", 30, 9),
            new ReferrerSnapshot(repo.Id, yesterday, "google.com", 10, 4),
            new ReferrerSnapshot(repo.Id, Today, "google.com", 11, 6),
        ]);
        paths.ShouldBe(
        [
            new PathSnapshot(repo.Id, Today, "/o/r", "o/r: renamed", 41, 21),
            new PathSnapshot(repo.Id, Today, "/o/r/blob/main/README.md", "README.md at main · o/r", 15, 7),
        ]);
    }

    [StoreFact]
    public async Task Snapshots_DropTrailingBlanks_SoEveryDatabaseSeesOneKey()
    {
        var repo = await NewRepositoryAsync();

        await Traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repo.Id, Today, "google.com", 1, 1), new ReferrerSnapshot(repo.Id, Today, "google.com  ", 2, 2)]);

        (await Traffic.GetReferrerHistoryAsync(repo.TenantId, repo.Id, new DateRange(Today, Today)))
            .ShouldBe([new ReferrerSnapshot(repo.Id, Today, "google.com", 2, 2)]);
    }

    [StoreFact]
    public async Task Timestamps_RoundTripExactly_WithARealClock()
    {
        await using var services = Database.BuildServices(TimeProvider.System);
        var tenants = services.GetRequiredService<Stores.ITenantStore>();

        var created = await tenants.CreateAsync("clock-" + Unique(), "Real clock");

        (await tenants.GetAsync(created.Id)).ShouldBe(created);
    }

    [StoreFact]
    public async Task Snapshots_RefuseNamesLongerThanTheirColumns()
    {
        var repo = await NewRepositoryAsync();

        var referrer = await Should.ThrowAsync<ArgumentException>(() =>
            Traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repo.Id, Today, new string('r', FieldLimits.Referrer + 1), 1, 1)]));
        var path = await Should.ThrowAsync<ArgumentException>(() =>
            Traffic.MergePathSnapshotsAsync([new PathSnapshot(repo.Id, Today, "/" + new string('p', FieldLimits.Path), "t", 1, 1)]));

        referrer.Message.ShouldContain("at most");
        path.Message.ShouldContain("at most");
        (await Traffic.GetReferrerHistoryAsync(repo.TenantId, repo.Id, new DateRange(Today, Today))).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Snapshots_KeepTextFromGitHubExactly()
    {
        var repo = await NewRepositoryAsync();
        const string hostile = "<img src=x onerror=alert(1)> ' \" ; -- ünïcødé ✓";

        await Traffic.MergePathSnapshotsAsync([new PathSnapshot(repo.Id, Today, "/o/r/" + hostile, hostile, 1, 1)]);

        var stored = (await Traffic.GetPathHistoryAsync(repo.TenantId, repo.Id, new DateRange(Today, Today))).ShouldHaveSingleItem();
        stored.Path.ShouldBe("/o/r/" + hostile);
        stored.Title.ShouldBe(hostile);
    }

    [StoreFact]
    public async Task Stats_ReplaceTheSameDaysReading_AndReadBackInOrder()
    {
        var repo = await NewRepositoryAsync();
        await Traffic.MergeRepositoryStatsAsync(
        [
            new RepositoryDailyStats(repo.Id, Today.AddDays(-1), 10, 2, 3, 4, 1000),
            new RepositoryDailyStats(repo.Id, Today, 12, 2, 3, 5, 1001),
        ]);
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repo.Id, Today, 11, 3, 3, 5, 5_000_000_000)]);

        var stats = await Traffic.GetRepositoryStatsAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-7), Today));

        stats.ShouldBe(
        [
            new RepositoryDailyStats(repo.Id, Today.AddDays(-1), 10, 2, 3, 4, 1000),
            new RepositoryDailyStats(repo.Id, Today, 11, 3, 3, 5, 5_000_000_000),
        ]);
    }

    [StoreFact]
    public async Task TenantSummary_HasARowPerTrackedRepository_WithTotalsAndLatestStats()
    {
        var tenant = await NewTenantAsync();
        var busy = await NewRepositoryAsync(tenant);
        var quiet = await NewRepositoryAsync(tenant);
        var removed = await NewRepositoryAsync(tenant);
        var range = new DateRange(Today.AddDays(-6), Today);
        await Traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(busy.Id, Today.AddDays(-7), 1000, 1000, 0, 0),
            new TrafficDay(busy.Id, Today.AddDays(-6), 10, 4, 2, 2),
            new TrafficDay(busy.Id, Today, 20, 7, 1, 1),
            new TrafficDay(removed.Id, Today, 5, 5, 5, 5),
        ]);
        await Traffic.MergeRepositoryStatsAsync(
        [
            new RepositoryDailyStats(busy.Id, Today.AddDays(-3), 5, 1, 1, 0, 10),
            new RepositoryDailyStats(busy.Id, Today.AddDays(-1), 7, 1, 1, 0, 12),
        ]);
        await Repositories.RemoveAsync(tenant.Id, removed.Id);

        var summary = await Traffic.GetTenantSummaryAsync(tenant.Id, range);

        summary.Select(s => s.Repository.Id).ShouldBe(new[] { busy, quiet }.OrderBy(r => r.Owner, StringComparer.Ordinal).Select(r => r.Id));
        var busyRow = summary.Single(s => s.Repository.Id == busy.Id);
        var rangeDays = range.To.DayNumber - range.From.DayNumber + 1;
        busyRow.Totals.ShouldBe(new TrafficTotals(30, 3, 7, 2, 2, rangeDays, KnownDays: 2, PartialDays: 2));
        busyRow.LatestStats.ShouldBe(new RepositoryDailyStats(busy.Id, Today.AddDays(-1), 7, 1, 1, 0, 12));
        var quietRow = summary.Single(s => s.Repository.Id == quiet.Id);
        quietRow.Totals.ShouldBe(TrafficTotals.Empty with { Days = rangeDays });
        quietRow.LatestStats.ShouldBeNull();

        var granted = await Traffic.GetTenantSummaryAsync(tenant.Id, range, [quiet.Id]);
        granted.ShouldHaveSingleItem().Repository.Id.ShouldBe(quiet.Id);
    }

    [StoreFact]
    public async Task TenantSummary_OfAnUnknownTenant_IsNotFound()
    {
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetTenantSummaryAsync(long.MaxValue, new DateRange(Today, Today)));
    }

    [StoreFact]
    public async Task TenantTrafficDays_HoldWhatTheDailySeriesOfEachListedRepositoryHolds_InTheListingsOrder()
    {
        var tenant = await NewTenantAsync();
        var suffix = Unique();
        var zeta = await Repositories.AddAsync(tenant.Id, "Zeta-" + suffix, "tools");
        var alpha = await Repositories.AddAsync(tenant.Id, "alpha-" + suffix, "web");
        var alphaApi = await Repositories.AddAsync(tenant.Id, "alpha-" + suffix, "api");
        var quiet = await NewRepositoryAsync(tenant);
        var removed = await NewRepositoryAsync(tenant);
        var elsewhere = await NewRepositoryAsync();
        var range = new DateRange(Today.AddDays(-9), Today.AddDays(-1));
        await Traffic.MergeTrafficDaysAsync(
        [
            .. FourteenDays(zeta.Id, Today.AddDays(-13), seed: 1),
            .. FourteenDays(alpha.Id, Today.AddDays(-4), seed: 2).Take(5),
            .. FourteenDays(alphaApi.Id, Today.AddDays(-20), seed: 3),
            .. FourteenDays(removed.Id, Today.AddDays(-13), seed: 4),
            .. FourteenDays(elsewhere.Id, Today.AddDays(-13), seed: 5),
        ]);
        await Repositories.RemoveAsync(tenant.Id, removed.Id);

        var days = await ToListAsync(Traffic.StreamTenantTrafficDaysAsync(tenant.Id, range));

        var expected = new List<(long, TrafficPoint)>();
        foreach (var repository in await Repositories.ListAsync(tenant.Id))
        {
            var series = await Traffic.GetTrafficSeriesAsync(tenant.Id, repository.Id, range, TrafficPeriod.Day);
            expected.AddRange(series.Points.Select(p => (repository.Id, p)));
        }

        // Every day of the range for every listed repository, the quiet one's days included as not collected.
        expected.Select(e => e.Item1).Distinct().ShouldBe([alphaApi.Id, alpha.Id, zeta.Id, quiet.Id], ignoreOrder: true);
        days.Select(d => (d.Traffic.RepositoryId, TrafficPoint.ForDay(d.Traffic.Day, d.Coverage, d.Traffic.Views, d.Traffic.UniqueViews, d.Traffic.Clones, d.Traffic.UniqueClones)))
            .ShouldBe(expected);
        days.Where(d => d.Traffic.RepositoryId == quiet.Id).ShouldAllBe(d => d.Coverage == DayCoverage.NotCollected);
        days.Count(d => d.Traffic.RepositoryId == quiet.Id).ShouldBe(9);
        days.ShouldNotContain(d => d.Traffic.RepositoryId == removed.Id || d.Traffic.RepositoryId == elsewhere.Id);
    }

    [StoreFact]
    public async Task TenantTrafficDays_OfGrantedRepositories_HoldOnlyThose()
    {
        var tenant = await NewTenantAsync();
        var granted = await NewRepositoryAsync(tenant);
        var other = await NewRepositoryAsync(tenant);
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(granted.Id, Today, 3, 2, 1, 1), new TrafficDay(other.Id, Today, 9, 9, 9, 9)]);
        var range = new DateRange(Today, Today);

        // Merged without a window, the day is known only as a lower bound: partial.
        (await ToListAsync(Traffic.StreamTenantTrafficDaysAsync(tenant.Id, range, [granted.Id])))
            .ShouldBe([new CoveredTrafficDay(new TrafficDay(granted.Id, Today, 3, 2, 1, 1), DayCoverage.Partial)]);
        (await ToListAsync(Traffic.StreamTenantTrafficDaysAsync(tenant.Id, range, []))).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task TenantTrafficDays_OfAnUnknownTenant_AreNotFound()
    {
        await Should.ThrowAsync<GhStatsNotFoundException>(() => ToListAsync(Traffic.StreamTenantTrafficDaysAsync(long.MaxValue, new DateRange(Today, Today))));
    }

    [StoreFact]
    public async Task EveryRead_IsScopedToTheTenant()
    {
        var mine = await NewRepositoryAsync();
        var other = await NewTenantAsync();
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(mine.Id, Today, 9, 9, 9, 9)]);
        await Traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(mine.Id, Today, "secret.example", 9, 9)]);
        await Traffic.MergePathSnapshotsAsync([new PathSnapshot(mine.Id, Today, "/secret", "secret", 9, 9)]);
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(mine.Id, Today, 9, 9, 9, 9, 9)]);
        var range = new DateRange(Today.AddDays(-1), Today);

        foreach (var per in Enum.GetValues<TrafficPeriod>())
        {
            await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetTrafficSeriesAsync(other.Id, mine.Id, range, per));
        }

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetReferrerHistoryAsync(other.Id, mine.Id, range));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetPathHistoryAsync(other.Id, mine.Id, range));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetRepositoryStatsAsync(other.Id, mine.Id, range));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.GetAsync(other.Id, mine.Id));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.RemoveAsync(other.Id, mine.Id));
        (await Traffic.GetTenantSummaryAsync(other.Id, range)).ShouldBeEmpty();
        (await Traffic.GetTenantSummaryAsync(other.Id, range, [mine.Id])).ShouldBeEmpty();
        (await ToListAsync(Traffic.StreamTenantTrafficDaysAsync(other.Id, range))).ShouldBeEmpty();
        (await ToListAsync(Traffic.StreamTenantTrafficDaysAsync(other.Id, range, [mine.Id]))).ShouldBeEmpty();
        (await Repositories.ListAsync(other.Id, includeRemoved: true)).ShouldBeEmpty();
        (await Repositories.FindByNameAsync(other.Id, mine.Owner, mine.Name)).ShouldBeNull();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [StoreFact]
    public async Task TenantSummary_LatestStats_AreEachRepositorysLastCountersInTheRange()
    {
        var tenant = await NewTenantAsync();
        var busy = await NewRepositoryAsync(tenant);
        var outside = await NewRepositoryAsync(tenant);
        await Traffic.MergeRepositoryStatsAsync(
        [
            new RepositoryDailyStats(busy.Id, Today.AddDays(-40), 1, 0, 0, 0, 1),
            new RepositoryDailyStats(busy.Id, Today.AddDays(-20), 2, 0, 0, 0, 1),
            new RepositoryDailyStats(busy.Id, Today.AddDays(-10), 3, 0, 0, 0, 1),
            new RepositoryDailyStats(busy.Id, Today.AddDays(-2), 4, 0, 0, 0, 1),
            new RepositoryDailyStats(outside.Id, Today.AddDays(-2), 9, 0, 0, 0, 1),
        ]);

        var summary = await Traffic.GetTenantSummaryAsync(tenant.Id, new DateRange(Today.AddDays(-30), Today.AddDays(-5)));

        summary.Single(s => s.Repository.Id == busy.Id).LatestStats.ShouldBe(new RepositoryDailyStats(busy.Id, Today.AddDays(-10), 3, 0, 0, 0, 1));
        summary.Single(s => s.Repository.Id == outside.Id).LatestStats.ShouldBeNull();
    }

    [StoreFact]
    public async Task TenantSummary_LatestStats_FollowEveryWrite_WhateverItsOrder()
    {
        var tenant = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);
        var upToToday = new DateRange(Today.AddDays(-30), Today);
        async Task<RepositoryDailyStats?> LatestAsync(DateRange range) => (await Traffic.GetTenantSummaryAsync(tenant.Id, range)).Single().LatestStats;

        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repo.Id, Today.AddDays(-2), 10, 1, 1, 1, 100)]);
        (await LatestAsync(upToToday)).ShouldBe(new RepositoryDailyStats(repo.Id, Today.AddDays(-2), 10, 1, 1, 1, 100));

        // An older day written later does not take the latest's place; a re-read of the latest day replaces it.
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repo.Id, Today.AddDays(-5), 8, 1, 1, 1, 90)]);
        (await LatestAsync(upToToday)).ShouldBe(new RepositoryDailyStats(repo.Id, Today.AddDays(-2), 10, 1, 1, 1, 100));
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repo.Id, Today.AddDays(-2), 11, 2, 1, 1, 5_000_000_000)]);
        (await LatestAsync(upToToday)).ShouldBe(new RepositoryDailyStats(repo.Id, Today.AddDays(-2), 11, 2, 1, 1, 5_000_000_000));

        // Several days in one write: the latest of them; a range ending before it gets the last day in the range.
        await Traffic.MergeRepositoryStatsAsync(
        [
            new RepositoryDailyStats(repo.Id, Today, 13, 2, 1, 1, 120),
            new RepositoryDailyStats(repo.Id, Today.AddDays(-1), 12, 2, 1, 1, 110),
        ]);
        (await LatestAsync(upToToday)).ShouldBe(new RepositoryDailyStats(repo.Id, Today, 13, 2, 1, 1, 120));
        (await LatestAsync(new DateRange(Today.AddDays(-30), Today.AddDays(-3)))).ShouldBe(new RepositoryDailyStats(repo.Id, Today.AddDays(-5), 8, 1, 1, 1, 90));
        (await LatestAsync(new DateRange(Today.AddDays(-30), Today.AddDays(-6)))).ShouldBeNull();
    }

    private static List<TrafficDay> FourteenDays(long repositoryId, DateOnly from, int seed) =>
        Enumerable.Range(0, 14).Select(i => new TrafficDay(repositoryId, from.AddDays(i), seed * 10 + i, seed + (i % 4), i % 6, i % 2)).ToList();
}
