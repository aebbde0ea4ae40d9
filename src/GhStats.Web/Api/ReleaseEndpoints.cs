using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>A repository's releases and their daily downloads.</summary>
internal static class ReleaseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{id:long}/releases", ReleasesAsync).WithName("GetReleases")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/repos/{id:long}/downloads", DownloadsAsync).WithName("GetDownloads")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
    }

    private static async Task<Ok<ReleasesResponse>> ReleasesAsync(long id, HttpContext http, ApiAccess access, IReleaseStore releases, TimeProvider clock)
    {
        var repository = await access.RepositoryAsync(id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var downloads = await releases.GetDailyDownloadsAsync(repository.TenantId, repository.Id, new DateRange(today, today), http.RequestAborted);
        return TypedResults.Ok(new ReleasesResponse(repository.Id, downloads.LastReadOn, downloads.TotalDownloads,
            downloads.Releases.Select(r => r.ToResponse(inRange: false)).ToList()));
    }

    private static async Task<Ok<DownloadsResponse>> DownloadsAsync(
        long id, HttpContext http, ApiAccess access, IReleaseStore releases, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var downloads = await releases.GetDailyDownloadsAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        return TypedResults.Ok(new DownloadsResponse(repository.Id, range.From, range.To, downloads.LastReadOn, downloads.TotalDownloads,
            downloads.DownloadsInRange, downloads.ReadDays,
            downloads.Days.Select(d => new DownloadPointResponse(d.Day, d.Read, d.Downloads, d.Days,
                d.Releases.Select(r => new ReleaseDayResponse(r.GitHubReleaseId, r.Downloads)).ToList())).ToList(),
            downloads.Releases.Select(r => r.ToResponse(inRange: true)).ToList()));
    }

    private static ReleaseResponse ToResponse(this ReleaseDownloadTotals totals, bool inRange)
    {
        var release = totals.Release;
        return new ReleaseResponse(release.GitHubReleaseId, release.Tag, release.Name, release.PublishedOn, release.Prerelease,
            totals.TotalDownloads, inRange ? totals.DownloadsInRange : null, totals.Listed);
    }
}
