using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

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

    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes("Not found.\n");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/badges/{repoId}/{metric}.svg", (string repoId, string metric, HttpContext http, IRepositoryStore repositories, ITrafficStore traffic, TimeProvider clock) =>
                ServeAsync(repoId, metric, BadgeFormat.Svg, http, repositories, traffic, clock))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        module.MapGet("/badges/{repoId}/{metric}.json", (string repoId, string metric, HttpContext http, IRepositoryStore repositories, ITrafficStore traffic, TimeProvider clock) =>
                ServeAsync(repoId, metric, BadgeFormat.Json, http, repositories, traffic, clock))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task ServeAsync(
        string repoId, string metric, BadgeFormat format, HttpContext http, IRepositoryStore repositories, ITrafficStore traffic, TimeProvider clock)
    {
        // Whatever authentication ran before us (a sliding cookie renewal, say) leaves no trace on a public answer.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.Remove("Set-Cookie");
            return Task.CompletedTask;
        });

        if (!BadgeRange.TryParse(http.Request.Query["days"], out var days))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, "text/plain; charset=utf-8",
                Encoding.UTF8.GetBytes("days must be 7, 14, 30, 90 or all.\n"), cacheSeconds: CacheSeconds, etag: false);
            return;
        }

        if (!BadgeMetrics.TryParse(metric, out var kind)
            || !long.TryParse(repoId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await repositories.FindAsync(id, http.RequestAborted) is not { IsActive: true, BadgesEnabled: true } repository)
        {
            await WriteAsync(http, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", NotFoundBody, cacheSeconds: 60, etag: false);
            return;
        }

        var badge = await BadgeValues.ReadAsync(repository, kind, days, traffic, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), http.RequestAborted);
        if (format == BadgeFormat.Svg)
        {
            var title = $"{repository.FullName}: {badge.Label}: {badge.Message}";
            var svg = BadgeSvg.Render(badge.Label, badge.Message, badge.HexColor, title);
            http.Response.Headers.ContentSecurityPolicy = SvgPolicy;
            await WriteAsync(http, StatusCodes.Status200OK, "image/svg+xml; charset=utf-8", Encoding.UTF8.GetBytes(svg), CacheSeconds, etag: true);
            return;
        }

        var endpoint = new ShieldsEndpoint(1, badge.Label, badge.Message, badge.NamedColor, CacheSeconds);
        await WriteAsync(http, StatusCodes.Status200OK, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(endpoint, Json), CacheSeconds, etag: true);
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body, int cacheSeconds, bool etag)
    {
        var response = http.Response;
        response.Headers.CacheControl = $"public, max-age={cacheSeconds.ToString(CultureInfo.InvariantCulture)}";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        response.Headers.Vary = StringValues.Empty;
        if (etag)
        {
            var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
            response.Headers.ETag = tag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(tag, StringComparison.Ordinal) || v.Trim() == "*")))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    private enum BadgeFormat
    {
        Svg,
        Json,
    }
}
