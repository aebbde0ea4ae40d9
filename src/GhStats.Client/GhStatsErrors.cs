using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GhStats.Client;

/// <summary>Turns error answers and transport failures into the client's typed exceptions; Refit calls these.</summary>
internal static class GhStatsErrors
{
    /// <summary>Problem details are short; a proxy's HTML error page is cut to this many characters.</summary>
    private const int MaxTextDetail = 500;

    private static readonly HashSet<string> ProblemMembers = new(StringComparer.Ordinal) { "type", "title", "status", "detail", "instance" };

    /// <summary>An error answer as <see cref="GhStatsApiException"/>; null for success, so Refit goes on.</summary>
    public static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response, TimeProvider clock)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = response.RequestMessage;
        var status = (int)response.StatusCode;
        var title = response.ReasonPhrase is { Length: > 0 } reason ? reason : response.StatusCode.ToString();
        string? detail = null;
        string? type = null;
        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (IsJson(response.Content.Headers.ContentType) && TryParse(body) is { } problem)
        {
            using (problem)
            {
                foreach (var member in problem.RootElement.EnumerateObject())
                {
                    switch (member.Name)
                    {
                        case "title" when member.Value.ValueKind == JsonValueKind.String:
                            title = member.Value.GetString()!;
                            break;
                        case "detail" when member.Value.ValueKind == JsonValueKind.String:
                            detail = member.Value.GetString();
                            break;
                        case "type" when member.Value.ValueKind == JsonValueKind.String:
                            type = member.Value.GetString();
                            break;
                        default:
                            if (!ProblemMembers.Contains(member.Name))
                            {
                                extensions[member.Name] = member.Value.Clone();
                            }

                            break;
                    }
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(body))
        {
            detail = body.Length > MaxTextDetail ? body[..MaxTextDetail] + "..." : body.Trim();
        }

        return new GhStatsApiException(
            request?.Method ?? HttpMethod.Get, request?.RequestUri, status, title, detail, type, RetryAfter(response, clock), extensions);
    }

    /// <summary>
    /// A failure before any answer: unreachable, or past the timeout (HttpClient's own, which it reports as a
    /// cancellation the caller did not ask for). The caller's own cancellation goes through unchanged.
    /// </summary>
    public static Exception FromTransport(HttpRequestMessage request, Exception exception, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (exception is GhStatsClientException || cancellationToken.IsCancellationRequested)
        {
            return exception;
        }

        var server = request.RequestUri is { IsAbsoluteUri: true } uri ? new Uri(uri.GetLeftPart(UriPartial.Authority)) : new Uri("http://unknown/");
        return exception switch
        {
            OperationCanceledException or TimeoutException => new GhStatsConnectionException(server, timeout, exception),
            HttpRequestException => new GhStatsConnectionException(server, timeout: null, exception),
            _ => exception,
        };
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter.Date is { } date)
        {
            // Measured against the server's own clock when it sent one, so a skewed local clock does not matter.
            var now = response.Headers.Date ?? clock.GetUtcNow();
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
