using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GhStats.GitHub.Client;

/// <summary>
/// The transient-failure rules of the GitHub client, as Microsoft.Extensions.Http.Resilience pipelines: retries of 5xx
/// answers, network failures and timeouts with exponential backoff and jitter, and a timeout per attempt. Rate limits
/// (403/429, Retry-After, X-RateLimit-*) are not transient here: <see cref="GitHubRequestHandler"/> keeps GitHub's rules.
/// The numbers come from each request's session (<see cref="GitHubCallContext.Settings"/>), so a connection check can ask for fewer retries.
/// </summary>
internal static partial class GitHubResilience
{
    public const string RetryPipeline = "retry";
    public const string AttemptTimeoutPipeline = "attempt-timeout";

    /// <summary>The most retries any session may ask for (<see cref="GitHubCollectorOptions.MaxRetries"/> is validated against it).</summary>
    public const int MaxRetriesAllowed = 10;

    public static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var jitter = services.GetRequiredService<IJitterSource>();
        var logger = services.GetRequiredService<ILogger<GitHubRequestHandler>>();
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "GhStats.GitHub.Transient",
            MaxRetryAttempts = MaxRetriesAllowed,
            ShouldHandle = args => ValueTask.FromResult(
                IsTransient(args.Outcome) && SettingsOf(args.Context) is { } settings && args.AttemptNumber < settings.MaxRetries),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                Backoff(SettingsOf(args.Context)?.RetryBaseDelay ?? TimeSpan.Zero, args.AttemptNumber + 1, jitter)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var endpoint = GitHubCallContext.Find(request) is { } call ? GitHubEndpoint.Template(request!.RequestUri, call.BaseAddress) : GitHubEndpoint.Other;
                var reason = args.Outcome.Exception?.Message ?? $"{(int)args.Outcome.Result!.StatusCode} {args.Outcome.Result.ReasonPhrase}";
                LogTransient(logger, endpoint, reason, args.AttemptNumber + 1, args.RetryDelay);
                return default;
            },
        });
    }

    public static void AddAttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "GhStats.GitHub.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(SettingsOf(args.Context)?.RequestTimeout ?? Timeout.InfiniteTimeSpan),
        });

    /// <summary>Exponential from the base delay, with jitter (half to one and a half times) so that concurrent retries do not arrive together.</summary>
    internal static TimeSpan Backoff(TimeSpan baseDelay, int attempt, IJitterSource jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + jitter.NextDouble()));
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        (outcome.Exception is HttpRequestException or TimeoutRejectedException && GitHubRequestRefusedException.Find(outcome.Exception) is null)
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };

    private static GitHubCollectorOptions? SettingsOf(ResilienceContext context) => GitHubCallContext.Find(context.GetRequestMessage())?.Settings;

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub request {Endpoint} failed ({Reason}); retry {Attempt} in {Delay}")]
    private static partial void LogTransient(ILogger logger, string endpoint, string reason, int attempt, TimeSpan delay);
}
