using System.Diagnostics;
using System.Net;
using GhStats.Diagnostics;
using Polly.Timeout;

namespace GhStats.GitHub.Client;

/// <summary>
/// The top of one session's handler chain, under Octokit: puts the session's <see cref="GitHubCallContext"/> on every
/// request, links the run's token to the request's (Octokit passes none), and spans the whole call, waits and retries included.
/// </summary>
internal sealed class GitHubSessionHandler(GitHubCallContext call) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(GitHubCallContext.Key, call);
        var conditional = request.Method == HttpMethod.Get ? ConditionalRead.Active : null;
        if (conditional?.IfNoneMatch is { } known)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", known);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.RunToken);
        using var span = GhStatsTelemetry.StartSpan(GhStatsTelemetry.Spans.GitHubCall, ActivityKind.Client);
        span?.SetTag("ghstats.github.endpoint", GitHubEndpoint.Template(request.RequestUri, call.BaseAddress));
        span?.SetTag("http.request.method", request.Method.Method);
        try
        {
            var response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            var notModified = response.StatusCode == HttpStatusCode.NotModified && conditional?.IfNoneMatch is not null;
            if (!response.IsSuccessStatusCode && !notModified)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            if (conditional is not null)
            {
                conditional.ETag = response.Headers.TryGetValues("ETag", out var etag) ? etag.FirstOrDefault() : null;
                if (notModified)
                {
                    // Octokit would read the empty 304 as an empty answer; the conditional read takes it instead.
                    response.Dispose();
                    throw new GitHubNotModifiedException();
                }
            }

            return response;
        }
        catch (GitHubNotModifiedException)
        {
            throw;
        }
        catch (TimeoutRejectedException timeout)
        {
            span?.SetStatus(ActivityStatusCode.Error, "timeout");

            // Callers (and Octokit) know TimeoutException, not Polly's.
            throw new TimeoutException($"GitHub did not answer within {call.Settings.RequestTimeout} (GhStats:Collector:RequestTimeout), after retries.", timeout);
        }
        catch (Exception exception)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
