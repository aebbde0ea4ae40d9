using System.Globalization;
using System.Text;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Badges;

/// <summary>
/// <c>{prefix}/badges/{repoId}/{metric}.svg|.json?days=</c>: public traffic badges, served without sign-in for repositories
/// whose Owner turned them on. The answer depends on the address only: no cookie, session or token is read, and a
/// repository whose badges are off, that is untracked or that does not exist gets one fixed answer, byte for byte.
/// </summary>
internal static class BadgeEndpoints
{
    /// <summary>How long a client or proxy may keep a badge.</summary>
    public const int CacheSeconds = 300;

    private const string SvgPolicy = "default-src 'none'; sandbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/badges/{repoId}/{metric}.svg", (string repoId, string metric, HttpContext http, IRepositoryStore repositories, ITrafficStore traffic, IReleaseStore releases, TimeProvider clock) =>
                ServeAsync(repoId, metric, BadgeFormat.Svg, http, repositories, new BadgeSources(traffic, releases), clock))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        module.MapGet("/badges/{repoId}/{metric}.json", (string repoId, string metric, HttpContext http, IRepositoryStore repositories, ITrafficStore traffic, IReleaseStore releases, TimeProvider clock) =>
                ServeAsync(repoId, metric, BadgeFormat.Json, http, repositories, new BadgeSources(traffic, releases), clock))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task ServeAsync(
        string repoId, string metric, BadgeFormat format, HttpContext http, IRepositoryStore repositories, BadgeSources sources, TimeProvider clock)
    {
        AnonymousAnswer.ForgetCaller(http);

        if (!BadgeRange.TryParse(http.Request.Query["days"], out var days))
        {
            await AnonymousAnswer.WriteAsync(http, StatusCodes.Status400BadRequest, "text/plain; charset=utf-8",
                Encoding.UTF8.GetBytes("days must be 7, 14, 30, 90 or all.\n"), cacheSeconds: CacheSeconds, etag: false);
            return;
        }

        if (!BadgeMetrics.TryParse(metric, out var kind)
            || !long.TryParse(repoId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await repositories.FindAsync(id, http.RequestAborted) is not { IsActive: true, BadgesEnabled: true } repository)
        {
            await AnonymousAnswer.NotFoundAsync(http);
            return;
        }

        var badge = await BadgeValues.ReadAsync(repository, kind, days, sources, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), http.RequestAborted);
        if (format == BadgeFormat.Svg)
        {
            var title = $"{repository.FullName}: {badge.Label}: {badge.Message}";
            var svg = BadgeSvg.Render(badge.Label, badge.Message, badge.HexColor, title);
            http.Response.Headers.ContentSecurityPolicy = SvgPolicy;
            await AnonymousAnswer.WriteAsync(http, StatusCodes.Status200OK, "image/svg+xml; charset=utf-8", Encoding.UTF8.GetBytes(svg), CacheSeconds, etag: true);
            return;
        }

        var endpoint = new ShieldsEndpoint(1, badge.Label, badge.Message, badge.NamedColor, CacheSeconds);
        await AnonymousAnswer.WriteAsync(http, StatusCodes.Status200OK, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(endpoint, Json), CacheSeconds, etag: true);
    }

    private enum BadgeFormat
    {
        Svg,
        Json,
    }
}
