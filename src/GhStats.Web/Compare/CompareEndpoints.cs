using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Compare;

/// <summary>Several repositories side by side (<c>/traffic/compare</c>) and a tenant's repositories combined (<c>/traffic/tenant</c>).</summary>
internal static class CompareEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/traffic/compare", CompareAsync).WithName("CompareTraffic").Produces<CompareResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery(per: true);
        api.MapGet("/traffic/tenant", TenantAsync).WithName("GetTenantTraffic").Produces<TenantTrafficResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery(per: true);
    }

    // tenant: the slug, every repository must be readable in it; repos: 1 to 10 ids, comma separated; metric: a CompareMetric name (views by default).
    private static async Task<Ok<CompareResponse>> CompareAsync(
        string? tenant, string? repos, string? metric, HttpContext http, ApiAccess access, CompareMetrics metrics,
        IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var per = RangeQuery.Per(http.Request);
        var chosen = string.IsNullOrWhiteSpace(metric) ? metrics.All[0]
            : metrics.Find(metric) ?? throw ApiProblems.Invalid("MetricInvalid", metrics.Names, metric);
        var ids = CompareSelection.Ids(http.Request);
        var scope = await access.VisibleTenantAsync(Required(tenant));
        var repositories = await CompareSelection.RepositoriesAsync(access, scope, ids);

        var series = new List<CompareSeriesResponse>(repositories.Count);
        foreach (var repository in repositories)
        {
            var points = await chosen.ReadAsync(repository, range, per, http.RequestAborted);
            var baseline = CompareBaseline.Of(points, per);
            series.Add(new CompareSeriesResponse(repository.Id, repository.FullName,
                new CompareBaselineResponse(baseline.State, baseline.From, baseline.To, baseline.Mean is { } mean ? Math.Round(mean, 4) : null, baseline.Points),
                [.. points.Select(p => new ComparePointResponse(p.Date, WireNames.Of(p.Coverage), p.Days, p.KnownDays, p.PartialDays, p.Value, baseline.Normalise(p.Value)))]));
        }

        var covered = range.AlignTo(per);
        return TypedResults.Ok(new CompareResponse(scope.Slug, chosen.Name, chosen.Label, chosen.Note, WireNames.Of(per), covered.From, covered.To, series));
    }

    private static async Task<Ok<TenantTrafficResponse>> TenantAsync(
        string? tenant, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var per = RangeQuery.Per(http.Request);
        var scope = await access.VisibleTenantAsync(Required(tenant));
        var visible = (await access.CallerAsync()).VisibleRepositoryIdsIn(scope.Id);
        var covered = range.AlignTo(per);
        var combined = visible is { Count: 0 }
            ? TenantTraffic.Empty(covered, per)
            : await TenantTraffic.CombineAsync(traffic.StreamTenantTrafficDaysAsync(scope.Id, covered, visible, http.RequestAborted), covered, per, http.RequestAborted);
        return TypedResults.Ok(new TenantTrafficResponse(scope.Slug, WireNames.Of(per), covered.From, covered.To, combined.Repositories,
            [.. combined.Periods.Select(p => p.ToResponse())], combined.Totals.ToResponse()));
    }

    private static string Required(string? tenant) =>
        string.IsNullOrWhiteSpace(tenant) ? throw ApiProblems.Invalid("CompareTenantRequired") : tenant.Trim();
}
