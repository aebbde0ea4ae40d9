using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GhStats.Web.Security;

/// <summary>
/// How the public badges and dashboards answer: from the address alone, the same bytes for everyone, cacheable by any
/// client or proxy, and one fixed "not found" for whatever is missing, hidden or not public.
/// </summary>
internal static class AnonymousAnswer
{
    /// <summary>How long a client or proxy may keep "not found".</summary>
    public const int NotFoundCacheSeconds = 60;

    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes("Not found.\n");

    /// <summary>Whatever authentication ran before us (a sliding cookie renewal, say) leaves no trace on a public answer.</summary>
    public static void ForgetCaller(HttpContext http) =>
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.Remove("Set-Cookie");
            return Task.CompletedTask;
        });

    /// <summary>The one answer for anything missing, hidden or not public: the same status, headers and body.</summary>
    public static Task NotFoundAsync(HttpContext http) =>
        WriteAsync(http, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", NotFoundBody, NotFoundCacheSeconds, etag: false);

    /// <summary>
    /// Writes a public answer; with <paramref name="etag"/>, a client that holds the same bytes gets 304. An answer in
    /// the visitor's language names what picked it in <paramref name="vary"/>, so a cache keeps one copy per language.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body, int cacheSeconds, bool etag, string? vary = null)
    {
        var response = http.Response;
        response.Headers.CacheControl = $"public, max-age={cacheSeconds.ToString(CultureInfo.InvariantCulture)}";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        response.Headers.Vary = vary is null ? StringValues.Empty : new StringValues(vary);
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
}
