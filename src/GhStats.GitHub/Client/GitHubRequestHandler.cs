using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using GhStats.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GhStats.GitHub.Client;

/// <summary>
/// GitHub's own rules, for every attempt of every request of a session: waits for the connection's turn (per-minute
/// limit, concurrency, a known exhausted limit), counts the call, reads GitHub's rate-limit headers, and waits out an
/// exhausted primary limit (<c>X-RateLimit-Remaining: 0</c> until <c>X-RateLimit-Reset</c>) or a secondary limit
/// (<c>Retry-After</c>, or GitHub's message) before asking again. Transient failures (5xx, network, timeouts) are the
/// resilience handler's, above this one. What it cannot fix reaches Octokit unchanged, which turns it into its usual exceptions.
/// </summary>
internal sealed partial class GitHubRequestHandler(GhStatsMetrics metrics, TimeProvider clock, ILogger<GitHubRequestHandler> logger) : DelegatingHandler
{
    private const int MaxLimitWaits = 3;
    private static readonly TimeSpan DefaultSecondaryWait = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = GitHubCallContext.Of(request);
        var endpoint = GitHubEndpoint.Template(request.RequestUri, call.BaseAddress);
        var limitWaits = 0;
        while (true)
        {
            HttpResponseMessage response;
            using (await call.Budget.WaitTurnAsync(cancellationToken).ConfigureAwait(false))
            {
                call.Counters.ApiCall();
                var started = clock.GetTimestamp();
                try
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    metrics.GitHubCall(endpoint, 0, clock.GetElapsedTime(started));
                    throw;
                }

                metrics.GitHubCall(endpoint, (int)response.StatusCode, clock.GetElapsedTime(started));
            }

            var remaining = ReadInt(response.Headers, "X-RateLimit-Remaining");
            if (remaining is { } left)
            {
                // GraphQL's points are a limit of their own: the budget, the run and the gauge follow the REST limit.
                var graphQL = IsGraphQLLimit(response.Headers);
                if (!graphQL)
                {
                    call.Budget.Observe(left, ResetWait(response) is { } untilReset ? clock.GetUtcNow() + untilReset : null);
                    call.Counters.RateLimitRemaining(left);
                    if (ReadInt(response.Headers, "X-RateLimit-Limit") is { } hourly)
                    {
                        call.Counters.RateLimit(hourly);
                    }
                }

                if (!graphQL && call.ConnectionId is { } connectionId)
                {
                    metrics.RateLimitRemaining(connectionId, left);
                }
            }

            var limit = await RateLimitWaitAsync(response, cancellationToken).ConfigureAwait(false);
            if (limit is { Wait: var wait, Secondary: var secondary })
            {
                if (secondary)
                {
                    call.Budget.SlowDown(wait);
                }
                else
                {
                    call.Budget.BlockFor(wait);
                }

                if (wait > call.Settings.MaxRateLimitWait || limitWaits >= MaxLimitWaits)
                {
                    // Octokit raises its rate-limit exception; later requests of this connection fail fast instead of waiting.
                    LogRateLimitTooLong(logger, endpoint, wait, call.Settings.MaxRateLimitWait, limitWaits);
                    return response;
                }

                limitWaits++;
                LogRateLimited(logger, endpoint, secondary ? "secondary" : "primary", wait, call.Budget.AllowedInFlight);
                response.Dispose();
                continue;
            }

            if (remaining is 0 && ResetWait(response) is { } reset)
            {
                // The call that used the last request succeeded; the next one would fail until the reset.
                call.Budget.BlockFor(reset);
            }

            return response;
        }
    }

    /// <summary>How long to wait when a response says a rate limit stopped it, and whether it was the secondary limit; null for any other response.</summary>
    private async Task<(TimeSpan Wait, bool Secondary)?> RateLimitWaitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - (response.Headers.Date ?? clock.GetUtcNow()) : DefaultSecondaryWait);
            return (wait, true);
        }

        if (ReadInt(response.Headers, "X-RateLimit-Remaining") is 0 && ResetWait(response) is { } reset)
        {
            return (reset, false);
        }

        // A secondary limit without Retry-After says so only in its body; the body is put back for Octokit.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var replacement = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replacement;
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ? (DefaultSecondaryWait, true) : null;
    }

    /// <summary>Time until the primary limit resets, measured against the server's own clock so local clock skew does not matter.</summary>
    private TimeSpan? ResetWait(HttpResponseMessage response)
    {
        if (ReadLong(response.Headers, "X-RateLimit-Reset") is not { } resetEpoch)
        {
            return null;
        }

        var serverNow = response.Headers.Date ?? clock.GetUtcNow();
        var wait = DateTimeOffset.FromUnixTimeSeconds(resetEpoch) - serverNow + TimeSpan.FromSeconds(1);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    private static bool IsGraphQLLimit(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-RateLimit-Resource", out var values) && values.FirstOrDefault() is { } resource
        && resource.Equals("graphql", StringComparison.OrdinalIgnoreCase);

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub {Limit} rate limit reached at {Endpoint}; pausing this connection for {Wait}, then at most {Concurrent} requests at once")]
    private static partial void LogRateLimited(ILogger logger, string endpoint, string limit, TimeSpan wait, int concurrent);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "GitHub rate limit at {Endpoint} resets in {Wait}, longer than GhStats:Collector:MaxRateLimitWait ({MaxWait}) or after {Waits} waits already; the request fails and this connection's next ones fail fast")]
    private static partial void LogRateLimitTooLong(ILogger logger, string endpoint, TimeSpan wait, TimeSpan maxWait, int waits);
}
