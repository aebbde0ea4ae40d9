using GhStats.Domain;
using Shouldly;

namespace GhStats.Storage.Conformance;

/// <summary>Day coverage: what a window read proves, that it only improves, and the last daily read.</summary>
public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task MergeWindow_MarksEdgesPartial_InteriorComplete_AndOmittedDaysAsKnownZeros()
    {
        var repo = await NewRepositoryAsync();
        var window = TrafficWindow.FromRead(repo.Id, Today, [new TrafficDay(repo.Id, Today.AddDays(-5), 9, 3, 2, 1)]);

        await Traffic.MergeTrafficWindowAsync(window);

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-15), Today), TrafficPeriod.Day);
        series.Points.Select(p => p.Coverage).ShouldBe(
        [
            DayCoverage.NotCollected, DayCoverage.NotCollected, DayCoverage.Partial,
            .. Enumerable.Repeat(DayCoverage.Complete, 12), DayCoverage.Partial,
        ]);
        series.Points.Single(p => p.Date == Today.AddDays(-5)).ShouldBe(TrafficPoint.ForDay(Today.AddDays(-5), DayCoverage.Complete, 9, 3, 2, 1));
        series.Points.Single(p => p.Date == Today.AddDays(-6)).ShouldBe(TrafficPoint.ForDay(Today.AddDays(-6), DayCoverage.Complete, 0, 0, 0, 0));
        series.Totals.ShouldBe(new TrafficTotals(9, 2, 3, 1, 14, Days: 16, KnownDays: 14, PartialDays: 2));
        (await Repositories.GetAsync(repo.TenantId, repo.Id)).LastDailyReadOn.ShouldBe(Today);
    }

    [StoreFact]
    public async Task MergeWindow_CoverageOnlyImproves_AndTheLastReadOnlyMovesForward()
    {
        var repo = await NewRepositoryAsync();
        var yesterday = Today.AddDays(-1);

        // Today's read completes yesterday (partial in yesterday's read); an older read replayed later lowers nothing.
        await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repo.Id, yesterday, [new TrafficDay(repo.Id, yesterday, 4, 2, 0, 0)]));
        await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repo.Id, Today, [new TrafficDay(repo.Id, yesterday, 7, 3, 1, 1)]));
        await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repo.Id, yesterday, [new TrafficDay(repo.Id, yesterday, 4, 2, 0, 0)]));

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-14), Today), TrafficPeriod.Day);
        series.Points.Single(p => p.Date == yesterday).ShouldBe(TrafficPoint.ForDay(yesterday, DayCoverage.Complete, 7, 3, 1, 1));
        series.Points[0].Coverage.ShouldBe(DayCoverage.Partial);
        series.Points[1].Coverage.ShouldBe(DayCoverage.Complete);
        series.Points[^1].Coverage.ShouldBe(DayCoverage.Partial);
        (await Repositories.GetAsync(repo.TenantId, repo.Id)).LastDailyReadOn.ShouldBe(Today);
    }

    [StoreFact]
    public async Task MergeWindow_RefusesADayOutsideItsWindow_AndWritesNothing()
    {
        var repo = await NewRepositoryAsync();
        var window = new TrafficWindow(repo.Id, Today.AddDays(-13), Today, [new TrafficDay(repo.Id, Today.AddDays(-20), 1, 1, 0, 0)], Today);

        await Should.ThrowAsync<ArgumentException>(() => Traffic.MergeTrafficWindowAsync(window));

        Known((await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-30), Today), TrafficPeriod.Day)).Points).ShouldBeEmpty();
        (await Repositories.GetAsync(repo.TenantId, repo.Id)).LastDailyReadOn.ShouldBeNull();
    }

    [StoreFact]
    public async Task SeriesPerWeek_CountsKnownAndPartialDays_OfEveryWeek()
    {
        var repo = await NewRepositoryAsync();
        await Traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(repo.Id, Today, []));

        var series = await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-30), Today), TrafficPeriod.Week);

        series.Points.Sum(p => p.Days).ShouldBe(series.To.DayNumber - series.From.DayNumber + 1);
        series.Points.Sum(p => p.KnownDays).ShouldBe(14);
        series.Points.Sum(p => p.PartialDays).ShouldBe(2);
        series.Points[0].KnownDays.ShouldBe(0);
        series.Totals.KnownDays.ShouldBe(14);
        series.Totals.PartialDays.ShouldBe(2);
    }
}
