using System.Text;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>CSV exports (RFC 4180, a header row, UTF-8): a repository's traffic, referrers and paths, and a tenant's daily traffic.</summary>
internal static class CsvEndpoints
{
    private const string CsvContentType = "text/csv; charset=utf-8";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{id:long}/traffic.csv", RepositoryTrafficAsync).WithName("ExportTraffic")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery(per: true);
        api.MapGet("/repos/{id:long}/referrers.csv", ReferrersAsync).WithName("ExportReferrers")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/repos/{id:long}/paths.csv", PathsAsync).WithName("ExportPaths")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/repos/{id:long}/downloads.csv", DownloadsAsync).WithName("ExportDownloads")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/traffic.csv", TenantTrafficAsync).WithName("ExportTenantTraffic")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
    }

    private static async Task RepositoryTrafficAsync(long id, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var per = RangeQuery.Per(http.Request);
        var repository = await access.RepositoryAsync(id);
        var series = await traffic.GetTrafficSeriesAsync(repository.TenantId, repository.Id, range, per, http.RequestAborted);
        await using var csv = Start(http, $"{repository.Owner}-{repository.Name}-traffic-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
        await csv.HeaderAsync("repository", "date", "coverage", "views", "unique_views", "clones", "unique_clones");
        foreach (var point in series.Points)
        {
            // Counts stay empty where no day of the point was collected: unknown, not zero.
            var known = point.KnownDays > 0;
            await csv.Text(repository.FullName).Date(point.Date).Text(WireNames.Of(point.Coverage))
                .Number(known ? point.Views : null).Number(known ? point.UniqueViews : null)
                .Number(known ? point.Clones : null).Number(known ? point.UniqueClones : null).EndLineAsync();
        }
    }

    private static async Task DownloadsAsync(long id, HttpContext http, ApiAccess access, IReleaseStore releases, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var downloads = await releases.GetDailyDownloadsAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        var tags = downloads.Releases.ToDictionary(r => r.Release.GitHubReleaseId, r => r.Release.Tag);
        await using var csv = Start(http, $"{repository.Owner}-{repository.Name}-downloads-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");

        // One row per day for all releases (release empty), then one per release that had downloads that day; a day not
        // read has empty downloads: unknown, not zero.
        await csv.HeaderAsync("repository", "date", "read", "release", "downloads", "days");
        foreach (var day in downloads.Days)
        {
            await csv.Text(repository.FullName).Date(day.Day).Text(day.Read ? "yes" : "no").Text(string.Empty).Number(day.Downloads).Number(day.Days).EndLineAsync();
            foreach (var release in day.Releases)
            {
                await csv.Text(repository.FullName).Date(day.Day).Text("yes").Text(tags.GetValueOrDefault(release.GitHubReleaseId, string.Empty)).Number(release.Downloads).Number(day.Days).EndLineAsync();
            }
        }
    }

    private static async Task ReferrersAsync(long id, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var history = await traffic.GetReferrerHistoryAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        await using var csv = Start(http, $"{repository.Owner}-{repository.Name}-referrers-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
        await csv.HeaderAsync("repository", "captured_on", "referrer", "views", "unique_views");
        foreach (var snapshot in history)
        {
            await csv.Text(repository.FullName).Date(snapshot.CapturedOn).Text(snapshot.Referrer).Number(snapshot.Views).Number(snapshot.UniqueViews).EndLineAsync();
        }
    }

    private static async Task PathsAsync(long id, HttpContext http, ApiAccess access, ITrafficStore traffic, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var history = await traffic.GetPathHistoryAsync(repository.TenantId, repository.Id, range, http.RequestAborted);
        await using var csv = Start(http, $"{repository.Owner}-{repository.Name}-paths-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
        await csv.HeaderAsync("repository", "captured_on", "path", "title", "views", "unique_views");
        foreach (var snapshot in history)
        {
            await csv.Text(repository.FullName).Date(snapshot.CapturedOn).Text(snapshot.Path).Text(snapshot.Title).Number(snapshot.Views).Number(snapshot.UniqueViews).EndLineAsync();
        }
    }

    private static async Task TenantTrafficAsync(
        string? tenant, HttpContext http, ApiAccess access, IRepositoryStore repositories, ITrafficStore traffic,
        IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var caller = await access.CallerAsync();
        var covered = await access.VisibleTenantsAsync(tenant);
        await using var csv = Start(http, $"ghstats-traffic-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
        await csv.HeaderAsync("tenant", "repository", "date", "coverage", "views", "unique_views", "clones", "unique_clones");
        foreach (var each in covered)
        {
            var visible = caller.VisibleRepositoryIdsIn(each.Id);
            if (visible is { Count: 0 })
            {
                continue;
            }

            // Two queries per tenant, whatever its size: the names, then every repository's days in the listing's order.
            var names = (await repositories.ListAsync(each.Id, cancellationToken: http.RequestAborted))
                .Where(caller.CanRead).ToDictionary(r => r.Id, r => r.FullName);
            await foreach (var (day, coverage) in traffic.StreamTenantTrafficDaysAsync(each.Id, range, visible, http.RequestAborted))
            {
                // A repository tracked after the listing was read waits for the next export.
                if (names.TryGetValue(day.RepositoryId, out var name))
                {
                    var known = coverage != DayCoverage.NotCollected;
                    await csv.Text(each.Slug).Text(name).Date(day.Day).Text(WireNames.Of(coverage))
                        .Number(known ? day.Views : null).Number(known ? day.UniqueViews : null)
                        .Number(known ? day.Clones : null).Number(known ? day.UniqueClones : null).EndLineAsync();
                }
            }
        }
    }

    /// <summary>Headers go out only once the request is checked, so a refusal is still a problem details response.</summary>
    public static CsvWriter Start(HttpContext http, string fileName)
    {
        var response = http.Response;
        response.ContentType = CsvContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{SafeFileName(fileName)}\"";
        response.Headers.XContentTypeOptions = "nosniff";
        return new CsvWriter(new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true));
    }

    private static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
}
