using System.Net;
using System.Text.Json;

namespace GhStats.Client;

/// <summary>
/// The server answered with an error: its RFC 7807 problem details (status, title, detail) and, for 429, how long to
/// wait. 401 means the token is missing, unknown, revoked or expired; 403 that its user's roles do not allow the call;
/// 404 that the resource does not exist or is not visible to the caller.
/// </summary>
public sealed class GhStatsApiException : GhStatsClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's address.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="title">The problem's title, or the status's reason phrase.</param>
    /// <param name="detail">The problem's detail: what to change.</param>
    /// <param name="type">The problem's type URI, if any.</param>
    /// <param name="retryAfter">How long the server asks to wait, from Retry-After.</param>
    /// <param name="extensions">The problem's other members.</param>
    public GhStatsApiException(
        HttpMethod method,
        Uri? requestUri,
        int status,
        string title,
        string? detail,
        string? type = null,
        TimeSpan? retryAfter = null,
        IReadOnlyDictionary<string, JsonElement>? extensions = null)
        : base(Describe(method, requestUri, status, title, detail, retryAfter), innerException: null)
    {
        Method = method;
        RequestUri = requestUri;
        Status = status;
        Title = title;
        Detail = detail;
        Type = type;
        RetryAfter = retryAfter;
        Extensions = extensions ?? new Dictionary<string, JsonElement>();
    }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's address.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The HTTP status code, e.g. 404.</summary>
    public int Status { get; }

    /// <summary>The HTTP status code as <see cref="HttpStatusCode"/>.</summary>
    public HttpStatusCode StatusCode => (HttpStatusCode)Status;

    /// <summary>The problem's title, e.g. "Not found"; the status's reason phrase when the answer was not problem details.</summary>
    public string Title { get; }

    /// <summary>The problem's detail, which says what to change; null if the server gave none.</summary>
    public string? Detail { get; }

    /// <summary>The problem's type URI, if any.</summary>
    public string? Type { get; }

    /// <summary>How long the server asks to wait before trying again (Retry-After, usually with 429 or 503).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Members of the problem details beyond type, title, status, detail and instance (e.g. traceId).</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    private static string Describe(HttpMethod method, Uri? requestUri, int status, string title, string? detail, TimeSpan? retryAfter)
    {
        var what = requestUri is null ? method.Method : $"{method.Method} {requestUri.GetLeftPart(UriPartial.Path)}";
        var message = $"{what} answered {status} {title}" + (string.IsNullOrWhiteSpace(detail) ? "." : $": {detail}");
        if (status == (int)HttpStatusCode.Unauthorized)
        {
            message += " (GhStatsClientOptions.Token is unknown, revoked or expired: make a new token.)";
        }

        if (retryAfter is { } wait)
        {
            message += $" Retry after {wait.TotalSeconds:0.#} s.";
        }

        return message;
    }
}
