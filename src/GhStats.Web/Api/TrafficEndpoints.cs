using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Compare;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>Traffic series, referrers, popular content, repository figures, and the per-tenant summary.</summary>
internal static class TrafficEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{id:long}/traffic", SeriesAsync).WithName("GetTraffic").Produces<TrafficResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery(per: true);
        api.MapGet("/repos/{id:long}/referrers", ReferrersAsync).WithName("GetReferrers")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/repos/{id:long}/paths", PathsAsync).WithName("GetPaths")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/repos/{id:long}/stats", StatsAsync).WithName("GetStats")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/repos/{id:long}/star-history", StarHistoryAsync).WithName("GetStarHistory").Produces<StarHistoryResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/traffic/summary", SummaryAsync).WithName("GetSummary").Produces<SummaryResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery().WithSummaryPageQuery();
    }

    private static async Task<IResult> SeriesAsync(
        long id, HttpContext http, ApiAccess access, ITrafficStore traffic, TrafficResponseCache cache, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var per = RangeQuery.Per(http.Request);
        var repository = await access.RepositoryAsync(id);

        // A repository's traffic changes only when it is collected, which moves its last collection time.
        var key = $"series:{repository.Id}:{range}:{per}";
        return await cache.JsonAsync(key, $"{repository.LastCollectedAt?.UtcTicks}", async () =>
        {
            var series = await traffic.GetTrafficSeriesAsync(repository.TenantId, repository.Id, range, per, http.RequestAborted);
            return series.ToResponse() with { Previous = await PreviousAsync(traffic, repository, series, http.RequestAborted) };
        });
    }

    /// <summary>The same number of days just before the series (one more query, on this repository's days only).</summary>
    private static async Task<PreviousPeriodResponse?> PreviousAsync(ITrafficStore traffic, TrackedRepository repository, TrafficSeries series, CancellationToken cancellationToken)
    {
        if (PeriodChange.PreviousOf(new DateRange(series.From, series.To)) is not { } previous)
        {
            return null;
        }

        var before = await traffic.GetTrafficSeriesAsync(repository.TenantId, repository.Id, previous, TrafficPeriod.Day, cancellationToken);
        return PeriodChange.Of(series.Totals, previous, before.Totals);
    }

    private static async Task<Ok<ReferrersResponse>> ReferrersAsync(
        long id, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var history = await traffic.GetReferrerHistoryAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        var top = SnapshotRanking.Referrers(history);
        return TypedResults.Ok(new ReferrersResponse(repository.Id, range.From, range.To, top,
            history.Select(s => new ReferrerSnapshotResponse(s.CapturedOn, s.Referrer, s.Views, s.UniqueViews)).ToList()));
    }

    private static async Task<Ok<PathsResponse>> PathsAsync(
        long id, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var history = await traffic.GetPathHistoryAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        var top = SnapshotRanking.Paths(history);
        return TypedResults.Ok(new PathsResponse(repository.Id, range.From, range.To, top,
            history.Select(s => new PathSnapshotResponse(s.CapturedOn, s.Path, s.Title, s.Views, s.UniqueViews)).ToList()));
    }

    private static async Task<Ok<StarHistoryResponse>> StarHistoryAsync(
        long id, HttpContext http, ApiAccess access, IStarHistoryStore stars, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var history = await stars.GetStarHistoryAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        var backfill = history.Backfill;
        return TypedResults.Ok(new StarHistoryResponse(
            repository.Id,
            range.From,
            range.To,
            WireNames.Of(backfill?.State ?? StarBackfillState.NotStarted),
            LowerBound: true,
            backfill?.FirstStarOn,
            backfill?.State == StarBackfillState.Complete ? null : backfill?.KnownThrough,
            history.TrackingFrom,
            backfill?.StarsRead ?? 0,
            backfill?.LimitReason,
            history.Days.Select(d => new StarHistoryPointResponse(d.Day, d.Stars, "backfill")).ToList()));
    }

    private static async Task<Ok<StatsResponse>> StatsAsync(
        long id, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var stats = await traffic.GetRepositoryStatsAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        return TypedResults.Ok(new StatsResponse(repository.Id, range.From, range.To,
            stats.Select(s => new StatsPointResponse(s.Day, s.Stars, s.Forks, s.Watchers, s.OpenIssues, s.SizeKb)).ToList()));
    }

    private static async Task<IResult> SummaryAsync(
        string? tenant, HttpContext http, ApiAccess access, ITrafficStore traffic, ICollectionRunStore runs,
        TrafficResponseCache cache, CollectionHorizons horizons, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var page = SummaryQuery.Page(http.Request);
        var caller = await access.CallerAsync();
        var scope = (await access.VisibleTenantsAsync(tenant)).Select(t => (Tenant: t, Visible: caller.VisibleRepositoryIdsIn(t.Id))).ToList();

        // What the caller may see is part of the key; the newest run's progress moves whenever a collection writes.
        var visibility = string.Join(';', scope.Select(s => $"{s.Tenant.Id}={(s.Visible is { } ids ? string.Join(',', ids.Order()) : "all")}"));
        // Horizons move with the day even without a collection.
        var key = $"summary:{visibility}:{range}";
        var version = $"{await CollectionVersion.NewestAsync(runs, http.RequestAborted)}:{horizons.Today:yyyyMMdd}";
        // The rows are kept once per summary; each page is cut from them and kept as JSON of its own.
        return await cache.JsonAsync($"{key}:{page.Key}", version, async () =>
        {
            var rows = await cache.ValueAsync($"{key}:rows", version, () => SummarizeAsync(scope, range, traffic, horizons, http.RequestAborted), r => r.Count * RowBytes);
            return SummaryPage.Of(range.From, range.To, rows, page);
        });
    }

    /// <summary>About what a summary row holds in memory (the row, its horizon, its change, its strings), for the cache's size limit.</summary>
    private const long RowBytes = 600;

    private static async Task<IReadOnlyList<SummaryRowResponse>> SummarizeAsync(
        List<(Tenant Tenant, IReadOnlyCollection<long>? Visible)> scope, DateRange range, ITrafficStore traffic,
        CollectionHorizons horizons, CancellationToken cancellationToken)
    {
        var rows = new List<SummaryRowResponse>();
        var previous = PeriodChange.PreviousOf(range);
        foreach (var (each, visible) in scope)
        {
            if (visible is { Count: 0 })
            {
                continue;
            }

            // The trend costs one more summary read per tenant, never one per repository.
            var before = previous is null ? [] : (await traffic.GetTenantSummaryAsync(each.Id, previous, visible, cancellationToken))
                .ToDictionary(s => s.Repository.Id, s => s.Totals);
            foreach (var summary in await traffic.GetTenantSummaryAsync(each.Id, range, visible, cancellationToken))
            {
                var repository = summary.Repository;
                var totals = summary.Totals;
                var change = previous is not null && before.TryGetValue(repository.Id, out var earlier) ? PeriodChange.Of(totals, previous, earlier) : null;
                rows.Add(new SummaryRowResponse(repository.Id, each.Slug, repository.FullName, totals.Views, totals.Clones,
                    totals.PeakDailyUniqueViews, totals.PeakDailyUniqueClones, totals.DaysWithData,
                    summary.LatestStats?.Stars, summary.LatestStats?.Forks, repository.LastCollectedAt, repository.LastStatus,
                    totals.Days, totals.KnownDays, totals.PartialDays, horizons.Of(repository).ToResponse(), change));
            }
        }

        return rows;
    }
}
