using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using GhStats.GitHub.Collection;
using Microsoft.Extensions.Logging;

namespace GhStats.GitHub.Client;

/// <summary>
/// Sits under Octokit for one connection: paces every request, counts it, reads GitHub's rate-limit headers, waits out
/// exhausted primary limits and secondary limits (Retry-After), and retries transient failures with backoff and jitter.
/// What it cannot fix reaches Octokit unchanged, which turns it into its usual exceptions.
/// </summary>
internal sealed partial class GitHubRequestHandler(
    GitHubApiBudget budget,
    RunCounters counters,
    GitHubCollectorOptions options,
    TimeProvider clock,
    ILogger logger) : DelegatingHandler
{
    private const int MaxLimitWaits = 3;
    private static readonly TimeSpan DefaultSecondaryWait = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var transientFailures = 0;
        var limitWaits = 0;
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                using var slot = await budget.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                counters.ApiCall();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException
                && !cancellationToken.IsCancellationRequested && transientFailures < options.MaxRetries)
            {
                transientFailures++;
                LogTransient(logger, request.RequestUri, exception.Message, transientFailures);
                await DelayAsync(Backoff(transientFailures), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var remaining = ReadInt(response.Headers, "X-RateLimit-Remaining");
            if (remaining is { } left)
            {
                budget.Observe(left);
                counters.RateLimitRemaining(left);
            }

            if ((int)response.StatusCode >= 500 && transientFailures < options.MaxRetries)
            {
                transientFailures++;
                LogTransient(logger, request.RequestUri, $"{(int)response.StatusCode} {response.ReasonPhrase}", transientFailures);
                response.Dispose();
                await DelayAsync(Backoff(transientFailures), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var limit = await RateLimitWaitAsync(response).ConfigureAwait(false);
            if (limit is { Wait: var wait, Secondary: var secondary })
            {
                if (secondary)
                {
                    budget.SlowDown(wait);
                }
                else
                {
                    budget.BlockFor(wait);
                }

                if (wait > options.MaxRateLimitWait || limitWaits >= MaxLimitWaits)
                {
                    // Let Octokit raise its rate-limit exception; later requests of this connection fail fast instead of waiting.
                    return response;
                }

                limitWaits++;
                LogRateLimited(logger, request.RequestUri, wait, budget.AllowedInFlight);
                response.Dispose();
                continue;
            }

            if (remaining is 0 && ResetWait(response) is { } reset)
            {
                // The call that used the last request succeeded; the next one would fail until the reset.
                budget.BlockFor(reset);
            }

            return response;
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);

    private TimeSpan Backoff(int attempt)
    {
        // Exponential, with jitter so that concurrent retries do not arrive together.
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + Random.Shared.NextDouble()));
    }

    /// <summary>How long to wait when a response says a rate limit stopped it, and whether it was the secondary limit; null for any other response.</summary>
    private static async Task<(TimeSpan Wait, bool Secondary)?> RateLimitWaitAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - (response.Headers.Date ?? DateTimeOffset.UtcNow) : DefaultSecondaryWait);
            return (wait, true);
        }

        if (ReadInt(response.Headers, "X-RateLimit-Remaining") is 0 && ResetWait(response) is { } reset)
        {
            return (reset, false);
        }

        // A secondary limit without Retry-After says so only in its body; the body is put back for Octokit.
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
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
    private static TimeSpan? ResetWait(HttpResponseMessage response)
    {
        if (ReadLong(response.Headers, "X-RateLimit-Reset") is not { } resetEpoch)
        {
            return null;
        }

        var serverNow = response.Headers.Date ?? DateTimeOffset.UtcNow;
        var wait = DateTimeOffset.FromUnixTimeSeconds(resetEpoch) - serverNow + TimeSpan.FromSeconds(1);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub request {Uri} failed ({Reason}); retry {Attempt}")]
    private static partial void LogTransient(ILogger logger, Uri? uri, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub rate limit reached at {Uri}; pausing this connection for {Wait}, then at most {Concurrent} requests at once")]
    private static partial void LogRateLimited(ILogger logger, Uri? uri, TimeSpan wait, int concurrent);
}
