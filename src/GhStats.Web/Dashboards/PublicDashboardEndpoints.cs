using System.Text;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Security;
using GhStats.Web.Ui;
using GhStats.Web.Ui.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GhStats.Web.Dashboards;

/// <summary>
/// <c>{prefix}/p/{slug}</c> and <c>{prefix}/p/{slug}/data?days=30|90|365</c>: a published dashboard's page and its data,
/// without sign-in; <c>?repo=owner/name</c> narrows either to one repository of the dashboard (to embed one chart). The
/// answer depends on the address only: no cookie, session or token is read, and an unknown, unpublished or deleted
/// dashboard, or a repository that is not on it (untracked, purged, another's), gets the one fixed "not found", byte for
/// byte. The page may be framed only by the origins its Owner allowed.
/// </summary>
internal static class PublicDashboardEndpoints
{
    /// <summary>How long a client or proxy may keep a page or its data; an unpublished page lingers there at most this long.</summary>
    public const int CacheSeconds = 60;

    /// <summary>What picks a page's language: <see cref="Localization.UiCulture"/>'s cookie, else the browser's Accept-Language.</summary>
    internal const string PageVary = "Accept-Language, Cookie";

    private const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapGet(PublicDashboardPaths.Segment + "/{slug}", PageAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        module.MapGet(PublicDashboardPaths.Segment + "/{slug}/data", DataAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task PageAsync(
        string slug, HttpContext http, IPublicDashboardStore dashboards, IRepositoryStore repositories, GhStatsPaths paths, UiAssets assets, ILoggerFactory loggers)
    {
        AnonymousAnswer.ForgetCaller(http);
        if (await FindAsync(slug, http.Request.Query["repo"], dashboards, repositories, http.RequestAborted) is not var (dashboard, shown))
        {
            await AnonymousAnswer.NotFoundAsync(http);
            return;
        }

        await using var renderer = new HtmlRenderer(http.RequestServices, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var page = await renderer.RenderComponentAsync<PublicDashboardPage>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PublicDashboardPage.Title)] = dashboard.Title,
                [nameof(PublicDashboardPage.DataUrl)] = PublicDashboardPaths.Page(paths, dashboard.Slug) + "/data"
                    + (http.Request.Query.ContainsKey("repo") ? "?repo=" + Uri.EscapeDataString(shown[0].FullName) : string.Empty),
                [nameof(PublicDashboardPage.Stylesheet)] = assets.Url(paths, "ghstats.css"),
                [nameof(PublicDashboardPage.Icon)] = assets.Url(paths, "icon.svg"),
                [nameof(PublicDashboardPage.Charts)] = assets.Url(paths, "chart.umd.min.js"),
                [nameof(PublicDashboardPage.Script)] = assets.Url(paths, "public.js"),
            }));
            return page.ToHtmlString();
        });

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = PagePolicy(dashboard.FrameOrigins);
        headers["Referrer-Policy"] = "no-referrer";
        if (dashboard.FrameOrigins.Count == 0)
        {
            headers.XFrameOptions = "DENY";
        }

        // The page speaks the visitor's language (the language cookie, else Accept-Language): its bytes, and so its ETag,
        // differ per language, and a shared cache keeps one copy per language. The data below has no words and does not vary.
        await AnonymousAnswer.WriteAsync(http, StatusCodes.Status200OK, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), CacheSeconds, etag: true,
            vary: PageVary);
    }

    private static async Task DataAsync(
        string slug, HttpContext http, IPublicDashboardStore dashboards, IRepositoryStore repositories, ITrafficStore traffic, ICollectionRunStore runs,
        PublicDashboardCache cache, IOptions<JsonOptions> json, TimeProvider clock)
    {
        AnonymousAnswer.ForgetCaller(http);

        // The range is checked before the dashboard is looked up, so a bad one says nothing about whether it exists.
        if (!PublicRange.TryParse(http.Request.Query["days"], out var days))
        {
            await AnonymousAnswer.WriteAsync(http, StatusCodes.Status400BadRequest, "text/plain; charset=utf-8",
                Encoding.UTF8.GetBytes("days must be 30, 90 or 365.\n"), CacheSeconds, etag: false);
            return;
        }

        if (await FindAsync(slug, http.Request.Query["repo"], dashboards, repositories, http.RequestAborted) is not var (dashboard, shown))
        {
            await AnonymousAnswer.NotFoundAsync(http);
            return;
        }

        var ids = shown.Select(r => r.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var range = new DateRange(today.AddDays(1 - days), today);
        var key = $"{dashboard.Id}:{dashboard.UpdatedAt.UtcTicks}:{string.Join(',', ids)}:{range}";
        var version = await CollectionVersion.NewestAsync(runs, http.RequestAborted);
        var body = await cache.GetOrAddAsync(key, version, async () =>
            JsonSerializer.SerializeToUtf8Bytes(await PublicDashboardData.ReadAsync(dashboard, ids, range, traffic, http.RequestAborted), json.Value.SerializerOptions));
        http.Response.Headers.ContentSecurityPolicy = DataPolicy;
        await AnonymousAnswer.WriteAsync(http, StatusCodes.Status200OK, "application/json; charset=utf-8", body!, CacheSeconds, etag: true);
    }

    /// <summary>The page's own policy: GhStats' scripts and styles only, framed by exactly the allowed origins.</summary>
    internal static string PagePolicy(IReadOnlyList<string> frameOrigins) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + $"object-src 'none'; base-uri 'none'; form-action 'none'; {FrameOrigins.Ancestors(frameOrigins)}";

    /// <summary>
    /// The published dashboard and the repositories to show: all of its still tracked ones, or the one <paramref name="repo"/>
    /// names. Null for anything else, which every caller answers with the same "not found".
    /// </summary>
    private static async Task<(PublicDashboard Dashboard, IReadOnlyList<TrackedRepository> Shown)?> FindAsync(
        string slug, StringValues repo, IPublicDashboardStore dashboards, IRepositoryStore repositories, CancellationToken cancellationToken)
    {
        if (!DashboardSlugs.IsWellFormed(slug) || repo.Count > 1 || await dashboards.FindPublishedAsync(slug, cancellationToken) is not { } dashboard)
        {
            return null;
        }

        var tracked = await repositories.ListAsync(dashboard.TenantId, cancellationToken: cancellationToken);
        var shown = tracked.Where(r => r.IsActive && dashboard.RepositoryIds.Contains(r.Id)).ToList();
        if (repo.Count == 1)
        {
            shown = shown.Where(r => string.Equals(r.FullName, repo[0], StringComparison.OrdinalIgnoreCase)).Take(1).ToList();
            if (shown.Count == 0)
            {
                return null;
            }
        }

        return (dashboard, shown);
    }
}
